using CommunitySafety.Areas;
using CommunitySafety.Assessment.Internals;

namespace CommunitySafety.Assessment.Peers;

/// <summary>
/// A published table of statistical nearest neighbours: for each area, every other area ranked nearest first. The default
/// is ONS's "Lower and upper tier local authority statistical nearest neighbours and distances, England" (1 October 2025,
/// Table 1: the 296 English lower-tier authorities on 2024 boundaries), shipped as <c>Defaults/ons-ltla-nearest-neighbours-oct2025.csv</c>.
/// </summary>
/// <remarks>
/// ONS's model measures how alike two authorities are on published socio-demographic characteristics (not on crime),
/// so peers are not chosen by the very thing they are compared on. It covers English districts and unitary authorities
/// only: Welsh authorities, police force areas and Community Safety Partnerships that span several districts have no
/// published neighbours, and a partnership supplies its own group (<see cref="PeerGroupFile"/>).
/// </remarks>
public sealed class PublishedNeighbours
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "ons-ltla-nearest-neighbours-oct2025.csv";

    /// <summary>The default number of neighbours in a peer group.</summary>
    public const int DefaultCount = 15;

    /// <summary>How the shipped default is cited in outputs.</summary>
    public const string OnsSource = "ONS statistical nearest neighbours for English local authorities (released 1 October 2025, 2024 boundaries; Open Government Licence v3.0)";

    private static readonly Lazy<PublishedNeighbours> LazyDefault = new(() => Parse(DefaultFiles.Read(DefaultFileName), OnsSource));

    private readonly Dictionary<AreaCode, AreaCode[]> _neighbours;
    private readonly Dictionary<AreaCode, string> _names;

    private PublishedNeighbours(Dictionary<AreaCode, AreaCode[]> neighbours, Dictionary<AreaCode, string> names, string source)
    {
        _neighbours = neighbours;
        _names = names;
        Source = source;
    }

    /// <summary>ONS's nearest neighbours of English lower-tier local authorities (October 2025).</summary>
    public static PublishedNeighbours Default => LazyDefault.Value;

    /// <summary>Where the table comes from, as named in every output that compares with it.</summary>
    public string Source { get; }

    /// <summary>The areas the table has neighbours for.</summary>
    public IReadOnlyCollection<AreaCode> Areas => _neighbours.Keys;

    /// <summary>Whether <paramref name="area"/> has published neighbours.</summary>
    public bool Covers(AreaCode area) => _neighbours.ContainsKey(area);

    /// <summary>The name the table gives an area, or null when it is not in the table.</summary>
    public string? NameOf(AreaCode area) => _names.GetValueOrDefault(area);

    /// <summary>The <paramref name="count"/> nearest neighbours of <paramref name="area"/>, nearest first; empty when it is not in the table.</summary>
    public IReadOnlyList<AreaCode> Nearest(AreaCode area, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return _neighbours.TryGetValue(area, out var all) ? [.. all.Take(count)] : [];
    }

    /// <summary>
    /// The peer group of <paramref name="area"/>: its <paramref name="count"/> nearest neighbours, with their names and
    /// the source in <see cref="PeerGroup.Method"/>; null when the table has none for it.
    /// </summary>
    /// <param name="area">The area whose neighbours are wanted (a district).</param>
    /// <param name="count">How many neighbours, ≥ 1.</param>
    /// <param name="assessedName">The name of the area assessed, when it is not the district itself (a CSP equal to one district).</param>
    public PeerGroup? GroupFor(AreaCode area, int count, string? assessedName = null)
    {
        var peers = Nearest(area, count);
        if (peers.Count == 0)
        {
            return null;
        }

        var name = NameOf(area) ?? area.Value;
        var of = assessedName is null ? name : $"{assessedName} (as the district {name}, {area})";
        return new PeerGroup(area, peers, $"the {peers.Count} nearest statistical neighbours of {of}: {Source}", new Dictionary<AreaCode, double>())
        {
            Source = Source,
            Names = peers.ToDictionary(p => p, p => NameOf(p) ?? p.Value),
        };
    }

    /// <summary>Reads a table in ONS's layout: an area code column, an area name column, then Neighbour 1, Neighbour 2 … (codes).</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PublishedNeighbours Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        if (header.Count < 3 || !header[2].StartsWith("neighbour", StringComparison.Ordinal))
        {
            throw new AssessmentConfigurationException(source, "expected columns: area code, area name, Neighbour 1, Neighbour 2 …");
        }

        var neighbours = new Dictionary<AreaCode, AreaCode[]>();
        var names = new Dictionary<AreaCode, string>();
        foreach (var row in rows)
        {
            var code = Code(row.Fields[0], row.Line, header[0], source);
            names[code] = row.Fields[1];
            var list = new List<AreaCode>(row.Fields.Count - 2);
            for (var i = 2; i < row.Fields.Count; i++)
            {
                if (row.Fields[i].Length > 0)
                {
                    list.Add(Code(row.Fields[i], row.Line, header[i], source));
                }
            }

            if (!neighbours.TryAdd(code, [.. list]))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: {code} is listed twice.");
            }
        }

        return new PublishedNeighbours(neighbours, names, source);
    }

    private static AreaCode Code(string text, int line, string column, string source) =>
        AreaCode.TryParse(text, out var code)
            ? code
            : throw new AssessmentConfigurationException(source, $"line {line}, {column}: '{text}' is not an ONS area code.");
}
