using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Assess;

/// <summary>The tables <c>csp assess</c> prints, built from a saved result so that a result file prints the same way.</summary>
public static class AssessTables
{
    /// <summary>Every table, in reading order: key messages, trends, benchmarking, harm, the matrix, notes.</summary>
    public static IEnumerable<ResultTable> All(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        yield return KeyMessages(result);
        yield return Trends(result);
        yield return Benchmarking(result);
        yield return Harm(result);
        yield return Matrix(result);
        yield return Notes(result);
    }

    /// <summary>The key messages, one per row.</summary>
    public static ResultTable KeyMessages(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable(new ResultColumn("Key message"), new ResultColumn("Rule"))
        {
            Title = $"Strategic assessment: {result.Area.Name} ({result.Area.Code}), {result.Year}",
        };
        foreach (var m in result.KeyMessages)
        {
            table.Add(m.Text, m.Rule);
        }

        return table;
    }

    /// <summary>The assessment year against last year and the baseline, per crime type, with the recent trend.</summary>
    public static ResultTable Trends(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable(
            new ResultColumn("Crime type"),
            new ResultColumn("Count", true),
            new ResultColumn("Rate per 1,000", true, "N1"),
            new ResultColumn("Since last year"),
            new ResultColumn($"Since {result.Baseline ?? "baseline"}"),
            new ResultColumn("Significance"),
            new ResultColumn("Recent trend"),
            new ResultColumn("England and Wales trend"))
        {
            Title = $"Trends to {result.Year} (rates per 1,000; changes tested at 95%)",
        };
        foreach (var t in result.Trends)
        {
            var last = t.Years[^1];
            table.Add(
                t.CrimeType,
                last.Count,
                last.Rate,
                Change(t.SinceLastYear),
                Change(t.SinceBaseline),
                t.SinceBaseline is { IsCompared: true } c ? (c.IsSignificant ? $"significant (p = {c.PValue:0.000})" : $"not significant (p = {c.PValue:0.000})") : null,
                t.TrendMarker.ToLabel(),
                t.NationalTrendMarker.ToLabel());
        }

        if (result.Trends.Count > 0)
        {
            table.Notes.Add("Years: " + string.Join("; ", result.Trends[0].Years.Select(y => y.Status == YearStatus.Complete ? y.Year : $"{y.Year} {y.Status.ToString().ToLowerInvariant()} ({y.Note})")));
            table.Notes.Add("Recent trend (all recorded crime): " + result.Trends[0].TrendNote);
        }

        if (result.Provenance is { } provenance)
        {
            table.Notes.Add(provenance.PopulationText + (provenance.PopulationWarning is { } w ? " " + w : string.Empty));
        }

        return table;
    }

    /// <summary>The assessment year's rates against the peer group and England and Wales.</summary>
    public static ResultTable Benchmarking(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable(
            new ResultColumn("Crime type"),
            new ResultColumn("Count", true),
            new ResultColumn("Rate", true, "N1"),
            new ResultColumn("95% CI"),
            new ResultColumn("Peer rate", true, "N1"),
            new ResultColumn("vs peers"),
            new ResultColumn("Rank in group"),
            new ResultColumn("Funnel"),
            new ResultColumn("vs peers, unadjusted"),
            new ResultColumn("Funnel, unadjusted"),
            new ResultColumn("E&W rate", true, "N1"),
            new ResultColumn("vs E&W"))
        {
            Title = $"Benchmarking, {result.Year} (rates per 1,000; peer rate = ΣCount / ΣPopulation)",
        };
        foreach (var b in result.Benchmarks)
        {
            table.Add(
                b.CrimeType,
                b.Count,
                b.Rate,
                b.Lower95 is { } l && b.Upper95 is { } u ? string.Create(CultureInfo.InvariantCulture, $"{l:0.0}–{u:0.0}") : null,
                b.PeerRate,
                b.VsPeers.ToLabel(),
                b.RankInGroup is { } r ? $"{r} of {b.GroupSize}" : null,
                b.FunnelPosition.ToLabel(),
                b.VsPeersUnadjusted.ToLabel(),
                b.FunnelPositionUnadjusted.ToLabel(),
                b.NationalRate,
                b.VsNational.ToLabel());
        }

        // Why the peers were not compared, and which forces' data would complete them, are in result.Notes (the Notes table).
        var group = result.PeerGroup;
        table.Notes.Add($"Peer group: {group.Method}.");
        if (group.NotComparedReason is null)
        {
            table.Notes.Add($"Peers used: {string.Join(", ", group.Members.Where(m => m.Included).Select(m => m.Name))}.");
        }

        var excluded = group.Members.Where(m => !m.Included).ToArray();
        if (excluded.Length > 0)
        {
            table.Notes.Add($"Left out of the group rate: {string.Join("; ", excluded.Select(m => $"{m.Name} ({m.ExcludedReason})"))}.");
        }

        if (result.Provenance is { } provenance)
        {
            table.Notes.Add(provenance.PopulationText);
            table.Notes.Add(provenance.NationalComparator);
        }

        if (result.Benchmarks.Count > 0 && result.Benchmarks[0].PeerComparisonMethod is { } method)
        {
            table.Notes.Add($"Peer comparison (all recorded crime): {method}. Each line's φ and τ² are in the JSON.");
        }

        table.Notes.Add("Rank in group: 1 = lowest rate. vs peers and Funnel allow for overdispersion where it is found (Spiegelhalter 2005); the unadjusted columns do not. vs E&W: the area's 95% confidence interval against the benchmark; crime: low is good.");
        return table;
    }

    /// <summary>Harm-weighted figures per crime type.</summary>
    public static ResultTable Harm(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable(
            new ResultColumn("Crime type"),
            new ResultColumn("Count", true),
            new ResultColumn("Weight", true, "N0"),
            new ResultColumn("Harm", true, "N0"),
            new ResultColumn("% of harm", true, "N1"),
            new ResultColumn("% of crimes", true, "N1"),
            new ResultColumn("Harm per 1,000", true, "N0"),
            new ResultColumn("Peers", true, "N0"),
            new ResultColumn("E&W", true, "N0"))
        {
            Title = $"Harm, {result.Year} (harm = count × weight)",
        };
        foreach (var h in result.Harm.Rows)
        {
            table.Add(h.CrimeType, h.Count, h.Weight, h.Harm, h.HarmSharePercent, h.CountSharePercent, h.HarmRatePer1000, h.PeerHarmRatePer1000, h.NationalHarmRatePer1000);
        }

        table.Add("All recorded crime", null, null, result.Harm.TotalHarm, 100.0, 100.0, result.Harm.HarmRatePer1000, result.Harm.PeerHarmRatePer1000, result.Harm.NationalHarmRatePer1000);
        table.Notes.Add($"Harm weights: {result.Methodology.HarmWeightsSource}.");
        table.Notes.Add($"Caveat: {HarmWeights.CategoryCaveat}");
        return table;
    }

    /// <summary>The matrix: one row per crime type with each criterion's score, the total, rank, sensitivity and movement.</summary>
    public static ResultTable Matrix(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var criteria = result.Methodology.Matrix.Criteria;
        var columns = new List<ResultColumn> { new("Rank", true), new("Crime type") };
        columns.AddRange(criteria.Select(c => new ResultColumn(c.Name, true)));
        columns.Add(new ResultColumn("Total", true, "0.##"));
        columns.Add(new ResultColumn($"In top {result.Matrix.TopN} (% of draws)", true, "N0"));
        columns.Add(new ResultColumn("Robustness"));
        columns.Add(new ResultColumn("Previous rank", true));
        var table = new ResultTable([.. columns])
        {
            Title = $"Priority matrix, {result.Year} (scores {result.Methodology.Matrix.MinScore}–{result.Methodology.Matrix.MaxScore}; total = Σ weight × score)",
        };
        var sensitivity = result.Sensitivity.Rows.ToDictionary(s => s.CrimeType);
        var previous = result.ChangeSincePrevious?.Rows.ToDictionary(r => r.CrimeType);
        foreach (var row in result.Matrix.Rows)
        {
            var cells = new List<object?> { row.Rank, row.CrimeType };
            cells.AddRange(row.Scores.Select(s => s.IsMissing ? (object?)null : s.Score));
            cells.Add(row.Total);
            cells.Add(100 * sensitivity[row.CrimeType].TopNShare);
            cells.Add(sensitivity[row.CrimeType].Robustness);
            cells.Add(previous?.GetValueOrDefault(row.CrimeType)?.PreviousRank);
            table.Add([.. cells]);
        }

        if (result.Matrix.Criteria.Count > 0)
        {
            table.Notes.Add(result.Matrix.Basis);
            foreach (var c in result.Matrix.Criteria)
            {
                table.Notes.Add(c.Text);
            }
        }
        else
        {
            foreach (var g in result.Matrix.Rows.SelectMany(r => r.Scores).Where(s => s.IsMissing).GroupBy(s => s.CriterionId))
            {
                table.Notes.Add($"{criteria.First(c => c.Id == g.Key).Name}: {g.Count()} of {result.Matrix.Rows.Count} crime types without evidence ({g.First().Evidence}).");
            }
        }

        table.Notes.Add($"Weights: {string.Join(", ", criteria.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Weight:0.##}")))}. Sensitivity: {(result.Sensitivity.Description.Length > 0 ? result.Sensitivity.Description : $"{result.Sensitivity.Draws:N0} draws, each weight ±{100 * result.Sensitivity.Spread:0}%, seed {result.Sensitivity.Seed}.")}");
        if (result.ChangeSincePrevious is { } change)
        {
            table.Notes.Add(change.Summary);
        }

        return table;
    }

    /// <summary>Notes and caveats about the data.</summary>
    public static ResultTable Notes(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable(new ResultColumn("Notes on the data")) { Title = "Notes" };
        foreach (var note in result.Notes)
        {
            table.Add(note);
        }

        return table;
    }

    private static string? Change(ChangeResult? c) => c switch
    {
        null => null,
        { IsCompared: false } => $"not compared: {c.NotComparedReason}",
        _ => $"{(c.CountChange >= 0 ? "+" : "−")}{Math.Abs(c.CountChange).ToString("N0", CultureInfo.InvariantCulture)} ({(c.CountPercentChange is { } p ? (p >= 0 ? "+" : "−") + Math.Abs(p).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a")})",
    };
}
