using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Police;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Synthetic;

/// <summary>One LSOA of a force's area as the generator writes it: real code and names, synthetic map points.</summary>
internal sealed class SyntheticLsoa(string code, string name, string name2021, int firstPoint, int pointCount)
{
    public string Code { get; } = code;

    /// <summary>The 2011 LSOA name, e.g. <c>Bournemouth 001A</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The name police.uk writes from 2023-10 (2021 geography): the 2020 district's name and the suffix, e.g. <c>"Bournemouth, Christchurch and Poole 001A"</c>.</summary>
    public string Name2021 { get; } = name2021;

    public int FirstPoint { get; } = firstPoint;

    public int PointCount { get; } = pointCount;
}

/// <summary>A force's area: its LSOAs, their crime weights and map points.</summary>
internal sealed class SyntheticForce(PoliceForce force, int index)
{
    public PoliceForce Force { get; } = force;

    public int Index { get; } = index;

    public List<SyntheticLsoa> Lsoas { get; } = [];

    public AliasTable? LsoaPick { get; set; }

    public double WeightTotal { get; set; }

    /// <summary>The force whose LSOAs this force's boundary rows fall in (the nearest centre).</summary>
    public SyntheticForce? Neighbour { get; set; }
}

/// <summary>A "map point" police.uk snaps records to: a street or place and its coordinates.</summary>
internal readonly record struct SyntheticPoint(double Longitude, double Latitude, string Location);

/// <summary>
/// The geography of the synthetic archive: every LSOA of England and Wales from the ONS LSOA→district lookup, allocated
/// to its police force through the district→CSP→police force area lookup. Coordinates are synthetic: districts are
/// scattered round an approximate force centre, LSOAs round their district, map points round their LSOA.
/// </summary>
internal sealed class SyntheticGeography
{
    /// <summary>Districts created after the 2017 LAD→PFA lookup, with the force area they lie in.</summary>
    private static readonly Dictionary<string, string> NewDistricts = new(StringComparer.Ordinal)
    {
        ["E06000058"] = "dorset", // Bournemouth, Christchurch and Poole (2019)
        ["E06000059"] = "dorset", // Dorset (2019)
        ["E06000060"] = "thames-valley", // Buckinghamshire (2020)
        ["E07000244"] = "suffolk", // East Suffolk (2019)
        ["E07000245"] = "suffolk", // West Suffolk (2019)
        ["E07000246"] = "avon-and-somerset", // Somerset West and Taunton (2019)
    };

    /// <summary>Approximate centre (latitude, longitude) and radius in degrees of latitude of each force area; coordinates only need to look plausible.</summary>
    private static readonly Dictionary<string, (double Lat, double Lon, double Radius)> Centres = new(StringComparer.Ordinal)
    {
        ["avon-and-somerset"] = (51.25, -2.75, 0.30), ["bedfordshire"] = (52.03, -0.45, 0.12), ["cambridgeshire"] = (52.40, 0.02, 0.25),
        ["cheshire"] = (53.20, -2.55, 0.18), ["city-of-london"] = (51.515, -0.092, 0.006), ["cleveland"] = (54.57, -1.20, 0.08),
        ["cumbria"] = (54.55, -3.05, 0.35), ["derbyshire"] = (53.05, -1.55, 0.25), ["devon-and-cornwall"] = (50.55, -4.20, 0.45),
        ["dorset"] = (50.75, -2.20, 0.20), ["durham"] = (54.70, -1.75, 0.18), ["dyfed-powys"] = (52.20, -3.90, 0.45),
        ["essex"] = (51.80, 0.55, 0.22), ["gloucestershire"] = (51.85, -2.20, 0.20), ["greater-manchester"] = (53.50, -2.25, 0.14),
        ["gwent"] = (51.70, -3.00, 0.12), ["hampshire"] = (50.98, -1.25, 0.28), ["hertfordshire"] = (51.80, -0.25, 0.15),
        ["humberside"] = (53.75, -0.50, 0.25), ["kent"] = (51.20, 0.80, 0.25), ["lancashire"] = (53.85, -2.60, 0.22),
        ["leicestershire"] = (52.65, -1.10, 0.20), ["lincolnshire"] = (53.10, -0.25, 0.35), ["merseyside"] = (53.42, -2.95, 0.10),
        ["metropolitan"] = (51.50, -0.12, 0.18), ["norfolk"] = (52.65, 1.00, 0.30), ["north-wales"] = (53.05, -3.60, 0.28),
        ["north-yorkshire"] = (54.10, -1.30, 0.40), ["northamptonshire"] = (52.30, -0.90, 0.18), ["northumbria"] = (55.10, -1.70, 0.30),
        ["nottinghamshire"] = (53.10, -1.05, 0.20), ["south-wales"] = (51.60, -3.50, 0.18), ["south-yorkshire"] = (53.50, -1.35, 0.14),
        ["staffordshire"] = (52.85, -2.00, 0.22), ["suffolk"] = (52.20, 1.00, 0.25), ["surrey"] = (51.25, -0.40, 0.15),
        ["sussex"] = (50.95, -0.30, 0.25), ["thames-valley"] = (51.70, -1.00, 0.35), ["warwickshire"] = (52.30, -1.55, 0.18),
        ["west-mercia"] = (52.40, -2.60, 0.35), ["west-midlands"] = (52.48, -1.90, 0.12), ["west-yorkshire"] = (53.75, -1.65, 0.14),
        ["wiltshire"] = (51.35, -1.90, 0.22),
    };

    private static readonly string[] StreetWords =
    [
        "Church", "Station", "Mill", "Park", "Victoria", "Queens", "Kings", "London", "High", "Manor", "Green", "School", "Chapel",
        "Albert", "Castle", "Bridge", "Windsor", "Grange", "Orchard", "Meadow", "Springfield", "Alexandra", "York", "George", "North",
        "South", "West", "East", "New", "Market", "Highfield", "Westfield", "Cedar", "Oak", "Elm", "Beech", "Willow", "Stanley",
        "Nelson", "Richmond", "Hill", "Brook", "Farm", "Wellington", "Cromwell", "Chestnut", "Hawthorn", "Ash", "Princes", "Union",
    ];

    private static readonly string[] StreetKinds = ["Road", "Street", "Lane", "Close", "Avenue", "Way", "Drive", "Crescent", "Gardens", "Place"];

    private static readonly string[] Places =
    [
        "Supermarket", "Parking Area", "Petrol Station", "Nightclub", "Shopping Area", "Sports/Recreation Area", "Hospital",
        "Further/Higher Educational Building", "Police Station", "Theatre/Concert Hall", "Bus/Coach Station", "Pedestrian Subway",
    ];

    private SyntheticGeography(List<SyntheticForce> forces, SyntheticPoint[] points)
    {
        Forces = forces;
        Points = points;
    }

    public IReadOnlyList<SyntheticForce> Forces { get; }

    public SyntheticPoint[] Points { get; }

    /// <summary>LSOAs in the lookups that could not be placed in a force (none with the ONS lookups in samples/).</summary>
    public int Unallocated { get; private init; }

    /// <summary>Reads the lookups and builds the geography; <paramref name="seed"/> fixes the LSOA weights and map points.</summary>
    public static SyntheticGeography Load(string lsoaLookupPath, string ladLookupPath, ulong seed)
    {
        var ladToForce = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadColumns(ladLookupPath, ["LAD", "PFA"]))
        {
            var slug = ForceSlug(row[1].Name);
            if (slug is not null)
            {
                ladToForce[row[0].Code] = slug;
            }
        }

        foreach (var (lad, slug) in NewDistricts)
        {
            ladToForce.TryAdd(lad, slug);
        }

        var forces = PoliceForces.Known.Where(f => f.IsTerritorialEnglandAndWales)
            .Select((f, i) => new SyntheticForce(f, i)).ToList();
        var bySlug = forces.ToDictionary(f => f.Force.Slug, StringComparer.Ordinal);
        var points = new List<SyntheticPoint>(400_000);
        var weights = forces.ToDictionary(f => f, _ => new List<double>());
        var unallocated = 0;
        foreach (var row in ReadColumns(lsoaLookupPath, ["LSOA", "LAD"]).OrderBy(r => r[0].Code, StringComparer.Ordinal))
        {
            var (lsoaCode, lsoaName) = row[0];
            var (ladCode, ladName) = row[1];
            if (!ladToForce.TryGetValue(ladCode, out var slug) || !bySlug.TryGetValue(slug, out var force))
            {
                unallocated++;
                continue;
            }

            var suffix = lsoaName[(lsoaName.LastIndexOf(' ') + 1)..];
            var name2021 = $"{ladName} {suffix}";
            var lsoaHash = SyntheticRandom.Hash(lsoaCode);
            var r = new SyntheticRandom(seed, lsoaHash, 1);
            var count = 3 + r.Next(12);
            var centre = Centres[slug];
            var lad = new SyntheticRandom(seed, SyntheticRandom.Hash(ladCode), 2);
            var ladLat = centre.Lat + (centre.Radius * 0.7 * (lad.NextDouble() * 2 - 1));
            var ladLon = centre.Lon + (centre.Radius * 1.1 * (lad.NextDouble() * 2 - 1));
            var spread = Math.Min(0.04, centre.Radius * 0.3);
            var lat = ladLat + (spread * r.NextGaussian());
            var lon = ladLon + (spread * 1.6 * r.NextGaussian());
            force.Lsoas.Add(new SyntheticLsoa(lsoaCode, lsoaName, name2021, points.Count, count));
            weights[force].Add(Math.Exp(SyntheticCalibration.LsoaLogSd * r.NextGaussian()));
            for (var p = 0; p < count; p++)
            {
                var pick = r.Next(10);
                var location = pick < 2
                    ? "On or near " + Places[r.Next(Places.Length)]
                    : $"On or near {StreetWords[r.Next(StreetWords.Length)]} {StreetKinds[r.Next(StreetKinds.Length)]}";
                points.Add(new SyntheticPoint(
                    Math.Round(lon + (0.004 * r.NextGaussian()), 6), Math.Round(lat + (0.0025 * r.NextGaussian()), 6), location));
            }
        }

        foreach (var f in forces)
        {
            if (f.Lsoas.Count == 0)
            {
                throw new InvalidDataException($"The lookups place no LSOA in {f.Force.Name}: check {lsoaLookupPath} and {ladLookupPath}.");
            }

            f.LsoaPick = new AliasTable(weights[f]);
            f.WeightTotal = weights[f].Sum();
            var (lat, lon, _) = Centres[f.Force.Slug];
            f.Neighbour = forces.Where(o => o != f)
                .MinBy(o => Math.Pow(Centres[o.Force.Slug].Lat - lat, 2) + Math.Pow((Centres[o.Force.Slug].Lon - lon) * 0.6, 2));
        }

        return new SyntheticGeography(forces, [.. points]) { Unallocated = unallocated };
    }

    private static string? ForceSlug(string pfaName)
    {
        if (PoliceForces.Find(pfaName) is { } f)
        {
            return f.Slug;
        }

        var key = NameKey.For(pfaName);
        return key switch
        {
            "metropolitan police" => "metropolitan",
            "london" => "city-of-london",
            _ => PoliceForces.Find(PoliceForces.ShortNameOf(pfaName))?.Slug,
        };
    }

    /// <summary>Reads (code, name) pairs of the geographies named by prefix (e.g. LSOA11CD/LSOA11NM), whatever their year.</summary>
    private static IEnumerable<(string Code, string Name)[]> ReadColumns(string path, string[] geographies)
    {
        using var text = CsvText.Text(File.OpenRead(path));
        using var reader = CsvText.ReaderOptions.From(text);
        var names = reader.Header.ColNames.Select(CsvText.HeaderKey).ToList();
        var columns = geographies.Select(g =>
        {
            var code = names.FindIndex(n => n.StartsWith(g.ToLowerInvariant(), StringComparison.Ordinal) && n.EndsWith("cd", StringComparison.Ordinal)
                && n.Length == g.Length + 4);
            var name = names.FindIndex(n => n.StartsWith(g.ToLowerInvariant(), StringComparison.Ordinal) && n.EndsWith("nm", StringComparison.Ordinal)
                && n.Length == g.Length + 4);
            return code < 0 || name < 0
                ? throw new InvalidDataException($"{path}: no {g}..CD and {g}..NM columns in the header '{string.Join(',', reader.Header.ColNames)}'.")
                : (code, name);
        }).ToArray();
        foreach (var row in reader)
        {
            var result = new (string, string)[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                result[i] = (row[columns[i].code].ToString().Trim(), row[columns[i].name].ToString().Trim());
            }

            yield return result;
        }
    }
}
