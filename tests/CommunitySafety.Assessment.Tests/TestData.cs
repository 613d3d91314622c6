using CommunitySafety.Areas;
using CommunitySafety.Crime;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Tests;

/// <summary>Builders for hand-made assessment inputs.</summary>
internal static class TestData
{
    public static readonly Area Portsmouth = new(AreaCode.Parse("E06000044"), "Portsmouth", AreaType.CommunitySafetyPartnership);

    public static FinancialYear Fy(string text) => FinancialYear.Parse(text);

    public static Area AreaOf(string code, string name) => new(AreaCode.Parse(code), name, AreaType.CommunitySafetyPartnership);

    /// <summary>A year whose counts are split over crime types in fixed proportions of <paramref name="recorded"/>, plus ASB.</summary>
    public static AreaYear Year(string year, long recorded, double? population, int months = 12, long asb = 0, IReadOnlyDictionary<CrimeType, long>? counts = null)
    {
        var dict = counts is null ? Split(recorded) : new Dictionary<CrimeType, long>(counts);
        if (asb > 0)
        {
            dict[CrimeType.AntiSocialBehaviour] = asb;
        }

        return new AreaYear(Fy(year), months, population, dict);
    }

    /// <summary>Splits a total over the 13 crime categories: violence 40%, then the rest shared, exact in sum.</summary>
    public static Dictionary<CrimeType, long> Split(long total)
    {
        var types = CrimeType.Current.Where(t => t != CrimeType.AntiSocialBehaviour).ToArray();
        var result = new Dictionary<CrimeType, long>();
        var violence = total * 40 / 100;
        result[CrimeType.ViolenceAndSexualOffences] = violence;
        var rest = types.Where(t => t != CrimeType.ViolenceAndSexualOffences).ToArray();
        var remaining = total - violence;
        for (var i = 0; i < rest.Length; i++)
        {
            var share = i == rest.Length - 1 ? remaining - result.Where(p => p.Key != CrimeType.ViolenceAndSexualOffences).Sum(p => p.Value) : remaining / rest.Length;
            result[rest[i]] = share;
        }

        return result;
    }

    public static AreaData Data(Area area, params AreaYear[] years) => new(area, years);
}
