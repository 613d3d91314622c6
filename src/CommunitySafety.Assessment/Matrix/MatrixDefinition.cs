using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>What a criterion of the scoring matrix is scored from.</summary>
public enum CriterionKind
{
    /// <summary>How much of the crime type there is: bands of the count, the rate per 1,000 or the share of recorded crime.</summary>
    Volume,

    /// <summary>The change against the baseline (or last) year: bands of the percentage change when it is significant.</summary>
    Trend,

    /// <summary>The comparison with the peer group (or England and Wales): a score per comparison outcome.</summary>
    Benchmark,

    /// <summary>The crime type's harm weight: bands of the weight.</summary>
    Harm,

    /// <summary>Entered by the partnership per crime type in a CSV (public concern, drug/alcohol link).</summary>
    Partnership,

    /// <summary>
    /// Disproportionate impact: the rate in the area's most deprived LSOAs against its least deprived (national deciles of
    /// the Index of Multiple Deprivation), by bands of the rate ratio when it is significant; the partnership's scores for the
    /// criterion, when its file gives them, are used instead.
    /// </summary>
    Deprivation,
}

/// <summary>The quantity a <see cref="CriterionKind.Volume"/> criterion bands.</summary>
public enum VolumeMeasure
{
    /// <summary>The number of crimes in the assessment year.</summary>
    Count,

    /// <summary>Crimes per 1,000 residents: one set of bands fits partnerships of any size.</summary>
    RatePer1000,

    /// <summary>The percentage of all police.uk records (crime and anti-social behaviour) in the area.</summary>
    SharePercent,
}

/// <summary>The year a <see cref="CriterionKind.Trend"/> criterion compares the assessment year with.</summary>
public enum TrendAgainst
{
    /// <summary>The baseline year (e.g. 2019/20).</summary>
    Baseline,

    /// <summary>The previous financial year.</summary>
    PreviousYear,

    /// <summary>The latest complete 12 months against the 12 months before (rolling), so a partial financial year does not stop the trend.</summary>
    Rolling12Months,
}

/// <summary>The benchmark a <see cref="CriterionKind.Benchmark"/> criterion uses.</summary>
public enum BenchmarkAgainst
{
    /// <summary>The peer group rate, ΣCount / ΣPopulation.</summary>
    PeerGroup,

    /// <summary>England and Wales.</summary>
    EnglandAndWales,
}

/// <summary>
/// A band of a criterion: values from <see cref="From"/> (inclusive) up to the next band's <c>from</c> score <see cref="Score"/>.
/// </summary>
/// <param name="From">The lower bound, inclusive; null for "everything below the next band".</param>
/// <param name="Score">The score for values in the band.</param>
public sealed record ScoreBand(double? From, int Score);

/// <summary>One criterion of the matrix: what it scores, how, and its weight.</summary>
public sealed record MatrixCriterion
{
    /// <summary>A short identifier, e.g. <c>volume</c>; partnership criteria use it as the CSV column name.</summary>
    public required string Id { get; init; }

    /// <summary>The name people read, e.g. "Public concern".</summary>
    public required string Name { get; init; }

    /// <summary>What the criterion is scored from.</summary>
    public required CriterionKind Kind { get; init; }

    /// <summary>The weight of the criterion in the total: total = Σ weight × score.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>What the criterion means, for the methodology.</summary>
    public string? Description { get; init; }

    /// <summary>Bands of the measured value (volume, trend, harm, deprivation rate ratio), in increasing order of <see cref="ScoreBand.From"/>.</summary>
    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    /// <summary>
    /// No longer allowed (read only to reject it with a clear message): a criterion without evidence is not scored and its
    /// weight is shared over the scored criteria, rather than given a score that looks like evidence.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MissingScore { get; init; }

    /// <summary>Volume: what is banded.</summary>
    public VolumeMeasure Measure { get; init; } = VolumeMeasure.RatePer1000;

    /// <summary>Trend: the comparison period.</summary>
    public TrendAgainst TrendAgainst { get; init; } = TrendAgainst.Rolling12Months;

    /// <summary>Trend and deprivation: the score of a change or ratio that is not statistically significant (the bands apply only to significant ones); null: the middle of the scale.</summary>
    public int? NotSignificantScore { get; init; }

    /// <summary>Benchmark: the comparator.</summary>
    public BenchmarkAgainst BenchmarkAgainst { get; init; } = BenchmarkAgainst.PeerGroup;

    /// <summary>Benchmark: the statistics engine's comparison method (95%, or 95% and 99.8% for Best / Worst).</summary>
    public ComparisonMethod ComparisonMethod { get; init; } = ComparisonMethod.ConfidenceInterval95And998;

    /// <summary>Benchmark: the score of each comparison outcome (Best, Better, Similar, Worse, Worst; Lower/Higher).</summary>
    public IReadOnlyDictionary<ComparisonOutcome, int> Outcomes { get; init; } = new Dictionary<ComparisonOutcome, int>();
}

/// <summary>
/// The priority scoring matrix: criteria, their bands and weights, the score scale and how many crime types are
/// "top" priorities. Loaded from a JSON file; <see cref="Default"/> is the shipped <c>Defaults/matrix.json</c>.
/// </summary>
public sealed record MatrixDefinition
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "matrix.json";

    /// <summary>The matrix's name, shown in reports.</summary>
    public required string Name { get; init; }

    /// <summary>Where the criteria, bands and weights come from (who agreed them, when).</summary>
    public string? Source { get; init; }

    /// <summary>The lowest score a criterion can give.</summary>
    public int MinScore { get; init; } = 1;

    /// <summary>The highest score a criterion can give.</summary>
    public int MaxScore { get; init; } = 5;

    /// <summary>How many of the highest-ranked crime types count as the top priorities (for change and sensitivity).</summary>
    public int TopN { get; init; } = 5;

    /// <summary>The criteria in the order they are shown.</summary>
    public required IReadOnlyList<MatrixCriterion> Criteria { get; init; }

    /// <summary>The shipped default matrix.</summary>
    public static MatrixDefinition Default { get; } =
        Parse(DefaultFiles.Read(DefaultFileName), DefaultFiles.SourceName(DefaultFileName));

    /// <summary>The middle of the scale: a trend that is not significant scores it unless the criterion says otherwise.</summary>
    public int MiddleScore => (int)Math.Round((MinScore + MaxScore) / 2.0, MidpointRounding.AwayFromZero);

    /// <summary>Reads and validates a matrix file.</summary>
    /// <exception cref="AssessmentConfigurationException">The file is not valid JSON or breaks a rule (the message says which).</exception>
    public static MatrixDefinition Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates matrix JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="AssessmentConfigurationException">Invalid JSON or an invalid definition.</exception>
    public static MatrixDefinition Parse(string json, string source)
    {
        MatrixDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<MatrixDefinition>(json, AssessmentJson.Options);
        }
        catch (JsonException e)
        {
            throw new AssessmentConfigurationException(source, $"not a valid matrix definition: {e.Message}", e);
        }

        if (definition is null)
        {
            throw new AssessmentConfigurationException(source, "the file is empty.");
        }

        definition.Validate(source);
        return definition;
    }

    /// <summary>Checks the rules: unique ids, weights ≥ 0, scores within the scale, bands in increasing order.</summary>
    /// <exception cref="AssessmentConfigurationException">A rule is broken.</exception>
    public void Validate(string source)
    {
        if (MinScore >= MaxScore)
        {
            throw new AssessmentConfigurationException(source, $"minScore ({MinScore}) must be less than maxScore ({MaxScore}).");
        }

        if (Criteria.Count == 0)
        {
            throw new AssessmentConfigurationException(source, "the matrix has no criteria.");
        }

        if (TopN < 1)
        {
            throw new AssessmentConfigurationException(source, $"topN must be at least 1 (was {TopN}).");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Criteria)
        {
            var where = $"criterion '{c.Id}'";
            if (string.IsNullOrWhiteSpace(c.Id) || !ids.Add(c.Id))
            {
                throw new AssessmentConfigurationException(source, $"{where}: every criterion needs a unique id.");
            }

            if (!(c.Weight >= 0) || double.IsInfinity(c.Weight))
            {
                throw new AssessmentConfigurationException(source, $"{where}: the weight must be a number ≥ 0 (was {c.Weight}).");
            }

            if (c.MissingScore is not null)
            {
                throw new AssessmentConfigurationException(
                    source,
                    $"{where}: 'missingScore' is no longer supported. A criterion without evidence for the area is not scored: its weight is shared over the scored criteria and the result says which were not scored and why. Remove 'missingScore'.");
            }

            CheckScore(c.NotSignificantScore, $"{where}: notSignificantScore", source);
            if (c.Kind is CriterionKind.Volume or CriterionKind.Trend or CriterionKind.Harm or CriterionKind.Deprivation)
            {
                if (c.Bands.Count == 0)
                {
                    throw new AssessmentConfigurationException(source, $"{where}: a {c.Kind} criterion needs bands.");
                }

                for (var i = 0; i < c.Bands.Count; i++)
                {
                    CheckScore(c.Bands[i].Score, $"{where}: band {i + 1} score", source);
                    if (i > 0 && c.Bands[i].From is not { } from)
                    {
                        throw new AssessmentConfigurationException(source, $"{where}: only the first band may have no 'from'.");
                    }

                    if (i > 0 && c.Bands[i - 1].From is { } previous && c.Bands[i].From <= previous)
                    {
                        throw new AssessmentConfigurationException(source, $"{where}: bands must be in increasing order of 'from' (band {i + 1}).");
                    }
                }
            }

            if (c.Kind == CriterionKind.Benchmark)
            {
                if (c.Outcomes.Count == 0)
                {
                    throw new AssessmentConfigurationException(source, $"{where}: a Benchmark criterion needs a score per outcome ('outcomes').");
                }

                foreach (var (outcome, score) in c.Outcomes)
                {
                    CheckScore(score, $"{where}: outcome {outcome}", source);
                }

                if (c.ComparisonMethod == ComparisonMethod.OverlappingIntervals)
                {
                    throw new AssessmentConfigurationException(source, $"{where}: overlapping intervals are not supported for the peer benchmark; use ConfidenceInterval95 or ConfidenceInterval95And998.");
                }
            }
        }
    }

    /// <summary>The sum of the weights (the total of an area scoring 1 on every criterion is this × <see cref="MinScore"/>).</summary>
    public double TotalWeight => Criteria.Sum(c => c.Weight);

    private void CheckScore(int? score, string what, string source)
    {
        if (score is { } s && (s < MinScore || s > MaxScore))
        {
            throw new AssessmentConfigurationException(source, $"{what} is {s}, outside the scale {MinScore}–{MaxScore}.");
        }
    }
}
