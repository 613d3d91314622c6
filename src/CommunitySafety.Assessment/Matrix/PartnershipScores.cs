using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>A score entered by the partnership for one criterion and crime type, with its evidence.</summary>
/// <param name="Score">The score.</param>
/// <param name="Evidence">Where it comes from (e.g. a residents' survey); may be empty.</param>
public sealed record PartnershipScore(int Score, string Evidence);

/// <summary>
/// Scores the partnership enters for the matrix's <see cref="CriterionKind.Partnership"/> criteria (and, in place of the
/// deprivation evidence, its <see cref="CriterionKind.Deprivation"/> criterion), per crime type, from a CSV:
/// <c>crime_type</c>, one column per criterion id, and optional <c>&lt;id&gt;_evidence</c> columns. A criterion is scored
/// only when every crime type has a score (see <see cref="ScoringMatrix"/>); an empty cell is no score, never a default.
/// </summary>
public sealed class PartnershipScores
{
    private readonly Dictionary<(CrimeType, string), PartnershipScore> _scores;

    /// <summary>Creates the scores; keys are crime type and criterion id.</summary>
    public PartnershipScores(IReadOnlyDictionary<(CrimeType CrimeType, string CriterionId), PartnershipScore> scores, string source)
    {
        _scores = new Dictionary<(CrimeType, string), PartnershipScore>(scores.Count);
        foreach (var ((type, id), score) in scores)
        {
            _scores[(type, id.ToLowerInvariant())] = score;
        }

        Source = source;
    }

    /// <summary>No scores entered.</summary>
    public static PartnershipScores None { get; } = new(new Dictionary<(CrimeType, string), PartnershipScore>(), "none");

    /// <summary>Where the scores came from.</summary>
    public string Source { get; }

    /// <summary>How many scores were entered.</summary>
    public int Count => _scores.Count;

    /// <summary>The score for <paramref name="crimeType"/> on criterion <paramref name="criterionId"/>, or null when not entered.</summary>
    public PartnershipScore? For(CrimeType crimeType, string criterionId) =>
        _scores.GetValueOrDefault((crimeType, criterionId.ToLowerInvariant()));

    /// <summary>Reads a file, checking scores against the matrix's scale and its partnership criteria.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PartnershipScores Load(string path, MatrixDefinition matrix) => Parse(File.ReadAllText(path), path, matrix);

    /// <summary>Parses CSV text, checking scores against the matrix's scale and its partnership criteria.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PartnershipScores Parse(string text, string source, MatrixDefinition matrix)
    {
        var (header, rows) = CsvText.Read(text, source);
        var typeColumn = CsvText.Column(header, "crime_type", source);
        var criteria = matrix.Criteria.Where(c => c.Kind is CriterionKind.Partnership or CriterionKind.Deprivation).Select(c => c.Id.ToLowerInvariant()).ToHashSet();
        foreach (var column in header)
        {
            var id = column.EndsWith("_evidence", StringComparison.Ordinal) ? column[..^"_evidence".Length] : column;
            if (column != "crime_type" && !criteria.Contains(id))
            {
                throw new AssessmentConfigurationException(source, $"the column '{column}' is not a partnership criterion of the matrix (expected: {string.Join(", ", criteria)}).");
            }
        }

        var scores = new Dictionary<(CrimeType, string), PartnershipScore>();
        foreach (var row in rows)
        {
            if (!CrimeType.TryFind(row.Fields[typeColumn], out var type))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: '{row.Fields[typeColumn]}' is not a police.uk crime type.");
            }

            for (var i = 0; i < header.Count; i++)
            {
                if (i == typeColumn || header[i].EndsWith("_evidence", StringComparison.Ordinal) || row.Fields[i].Length == 0)
                {
                    continue;
                }

                if (!int.TryParse(row.Fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
                    || score < matrix.MinScore || score > matrix.MaxScore)
                {
                    throw new AssessmentConfigurationException(
                        source, $"line {row.Line}, {header[i]}: '{row.Fields[i]}' is not a whole score from {matrix.MinScore} to {matrix.MaxScore}.");
                }

                var evidenceColumn = header.ToList().IndexOf(header[i] + "_evidence");
                var key = (type, header[i]);
                if (!scores.TryAdd(key, new PartnershipScore(score, evidenceColumn >= 0 ? row.Fields[evidenceColumn] : string.Empty)))
                {
                    throw new AssessmentConfigurationException(source, $"line {row.Line}: {type.Name} is listed twice.");
                }
            }
        }

        return new PartnershipScores(scores.ToDictionary(p => p.Key, p => p.Value), source);
    }
}
