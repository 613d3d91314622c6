using CommunitySafety.Areas;
using CommunitySafety.Assessment.Internals;

namespace CommunitySafety.Assessment.Peers;

/// <summary>The peer group of an area and how it was chosen.</summary>
/// <param name="Area">The area whose peers these are.</param>
/// <param name="Peers">The peers' codes, excluding the area itself.</param>
/// <param name="Method">How the group was chosen, e.g. "peer group file peers.csv" or "15 nearest neighbours …".</param>
/// <param name="Distances">For nearest neighbours, each peer's standardised distance; empty otherwise.</param>
public sealed record PeerGroup(AreaCode Area, IReadOnlyList<AreaCode> Peers, string Method, IReadOnlyDictionary<AreaCode, double> Distances)
{
    /// <summary>Where the group comes from (the published table or the partnership's file), named in every output that compares.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The peers' names as the source gives them, for peers the store does not know.</summary>
    public IReadOnlyDictionary<AreaCode, string> Names { get; init; } = new Dictionary<AreaCode, string>();

    /// <summary>
    /// Why there is no group to compare with (e.g. a CSP spanning several districts has no published neighbours) and what
    /// to supply instead; null when there is a group. A group with a reason has no peers.
    /// </summary>
    public string? UnavailableReason { get; init; }

    /// <summary>A group that cannot be formed, with the reason and what to supply.</summary>
    public static PeerGroup Unavailable(AreaCode area, string reason) =>
        new(area, [], "no peer group", new Dictionary<AreaCode, double>()) { UnavailableReason = reason };
}

/// <summary>
/// Peer groups read from a CSV of (area, peer) pairs: <c>area_code,peer_code</c>, one row per pair, e.g. each
/// Community Safety Partnership's Home Office "most similar group".
/// </summary>
public sealed class PeerGroupFile
{
    private readonly Dictionary<AreaCode, List<AreaCode>> _groups;

    private PeerGroupFile(Dictionary<AreaCode, List<AreaCode>> groups, string source)
    {
        _groups = groups;
        Source = source;
    }

    /// <summary>The file.</summary>
    public string Source { get; }

    /// <summary>The areas that have a group.</summary>
    public IReadOnlyCollection<AreaCode> Areas => _groups.Keys;

    /// <summary>The peer group of <paramref name="area"/>, or null when the file has none.</summary>
    public PeerGroup? For(AreaCode area) =>
        _groups.TryGetValue(area, out var peers)
            ? new PeerGroup(area, peers, $"the partnership's peer group file {Path.GetFileName(Source)}", new Dictionary<AreaCode, double>()) { Source = $"peer group file {Path.GetFileName(Source)}" }
            : null;

    /// <summary>Reads a peer group file.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PeerGroupFile Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses peer group CSV text.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PeerGroupFile Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        var areaColumn = CsvText.Column(header, "area_code", source);
        var peerColumn = CsvText.Column(header, "peer_code", source);
        var groups = new Dictionary<AreaCode, List<AreaCode>>();
        foreach (var row in rows)
        {
            var area = Code(row.Fields[areaColumn], row.Line, source);
            var peer = Code(row.Fields[peerColumn], row.Line, source);
            if (area == peer)
            {
                continue;
            }

            if (!groups.TryGetValue(area, out var list))
            {
                groups[area] = list = [];
            }

            if (!list.Contains(peer))
            {
                list.Add(peer);
            }
        }

        return new PeerGroupFile(groups, source);
    }

    private static AreaCode Code(string text, int line, string source) =>
        AreaCode.TryParse(text, out var code)
            ? code
            : throw new AssessmentConfigurationException(source, $"line {line}: '{text}' is not an ONS area code (e.g. E06000044).");
}
