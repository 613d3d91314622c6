using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Projection;

public class BritishNationalGridTests
{
    private static GeoPoint Dms(int latD, int latM, double latS, int lonD, int lonM, double lonS, bool east) =>
        new((east ? 1 : -1) * (lonD + (lonM / 60.0) + (lonS / 3600)), latD + (latM / 60.0) + (latS / 3600));

    [Fact]
    public void ProjectOsgb36_OsGuideWorkedExample_MatchesToTheMillimetre()
    {
        // OS "A guide to coordinate systems in Great Britain", annex C.1.
        var grid = BritishNationalGrid.ProjectOsgb36(Dms(52, 39, 27.2531, 1, 43, 4.5177, east: true));

        Assert.Equal(651_409.903, grid.Easting, 0.0005);
        Assert.Equal(313_177.270, grid.Northing, 0.0005);
    }

    [Fact]
    public void UnprojectOsgb36_OsGuideWorkedExample_ReturnsThePublishedLatitudeAndLongitude()
    {
        // Annex C.2, the inverse of C.1; 0.0001" is about 3 mm.
        var expected = Dms(52, 39, 27.2531, 1, 43, 4.5177, east: true);

        var geo = BritishNationalGrid.UnprojectOsgb36(new GridPoint(651_409.903, 313_177.270));

        Assert.Equal(expected.Latitude, geo.Latitude, 0.0001 / 3600);
        Assert.Equal(expected.Longitude, geo.Longitude, 0.0001 / 3600);
    }

    // OSTN15 developer pack test points (ETRS89 → OSGB36 National Grid), as Ordnance Survey publishes them.
    [Theory]
    [InlineData("TP02 Lizard", 49.96006137820, -5.20304609998, 170370.718, 11572.405)]
    [InlineData("TP03 Plymouth", 50.43885825610, -4.10864563561, 250359.811, 62016.569)]
    [InlineData("TP04 St Catherine's Point", 50.57563665000, -1.29782277240, 449816.371, 75335.861)]
    [InlineData("TP05 Southampton", 50.93127937910, -1.45051433700, 438710.920, 114792.250)]
    [InlineData("TP06 Bala", 51.40078220140, -3.55128349240, 292184.870, 168003.465)]
    [InlineData("TP07 Margate", 51.37447025550, 1.44454730409, 639821.835, 169565.858)]
    [InlineData("TP08 Bristol", 51.42754743020, -2.54407618349, 362269.991, 169978.690)]
    [InlineData("TP09 London", 51.48936564950, -0.11992557180, 530624.974, 178388.464)]
    [InlineData("TP10 Carmarthen", 51.85890896400, -4.30852476960, 241124.584, 220332.641)]
    [InlineData("TP11 Colchester", 51.89436637350, 0.89724327012, 599445.590, 225722.826)]
    [InlineData("TP12 Droitwich", 52.25529381630, -2.15458614387, 389544.190, 261912.153)]
    public void FromWgs84_OrdnanceSurveyTestPoint_WithinFiveMetresOfPublishedGridReference(string name, double lat, double lon, double easting, double northing)
    {
        var grid = BritishNationalGrid.FromWgs84(new GeoPoint(lon, lat));

        var error = grid.DistanceTo(new GridPoint(easting, northing));
        Assert.True(error < 5, $"{name}: {error:0.00} m from the published grid reference");
    }

    [Fact]
    public void FromWgs84_WithoutTheDatumShift_PointsMoveOverSeventyMetres()
    {
        // TP05 (Southampton, near Portsmouth): projecting WGS84 degrees as if they were OSGB36 is the classic mistake.
        var wgs84 = new GeoPoint(-1.45051433700, 50.93127937910);

        var right = BritishNationalGrid.FromWgs84(wgs84);
        var wrong = BritishNationalGrid.ProjectOsgb36(wgs84);

        Assert.InRange(right.DistanceTo(wrong), 70, 140);
    }

    [Theory]
    [InlineData(-1.0912, 50.7989)]
    [InlineData(-6.3, 49.9)]
    [InlineData(1.75, 52.48)]
    [InlineData(-3.2, 58.6)]
    public void ToWgs84_RoundTrip_ReturnsTheSamePointWithinOneCentimetre(double lon, double lat)
    {
        var start = new GeoPoint(lon, lat);
        var grid = BritishNationalGrid.FromWgs84(start);

        var back = BritishNationalGrid.FromWgs84(BritishNationalGrid.ToWgs84(grid));

        Assert.True(back.DistanceTo(grid) < 0.01, $"{back.DistanceTo(grid)} m");
    }

    [Fact]
    public void FromWgs84_InvalidPoints_AreSkipped()
    {
        var result = BritishNationalGrid.FromWgs84([new GeoPoint(-1.09, 50.8), new GeoPoint(double.NaN, 50), new GeoPoint(200, 50)]);

        Assert.Single(result);
    }
}
