using CommunitySafety.Areas;
using CommunitySafety.Assessment.Internals;

namespace CommunitySafety.Assessment;

/// <summary>The peer group of an area and how it was chosen.</summary>
/// <param name="Area">The area whose peers these are.</param>
/// <param name="Peers">The peers' codes, excluding the area itself.</param>
/// <param name="Method">How the group was chosen, e.g. "peer group file peers.csv" or "15 nearest neighbours …".</param>
/// <param name="Distances">For nearest neighbours, each peer's standardised distance; empty otherwise.</param>
public sealed record PeerGroup(AreaCode Area, IReadOnlyList<AreaCode> Peers, string Method, IReadOnlyDictionary<AreaCode, double> Distances);

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
            ? new PeerGroup(area, peers, $"peer group file {Path.GetFileName(Source)}", new Dictionary<AreaCode, double>())
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
