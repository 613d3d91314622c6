using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>Stop-and-search records with the same month and characteristics (text as in the police.uk file; empty when blank).</summary>
/// <param name="Month">The file month.</param>
/// <param name="Type">"Person search", "Vehicle search", "Person and Vehicle search".</param>
/// <param name="Legislation">E.g. "Misuse of Drugs Act 1971 (section 23)".</param>
/// <param name="ObjectOfSearch">E.g. "Controlled drugs".</param>
/// <param name="Outcome">E.g. "A no further action disposal", "Arrest".</param>
/// <param name="OutcomeLinked">"Outcome linked to object of search": true, false, or null when blank.</param>
/// <param name="OfficerDefinedEthnicity">E.g. "White", "Black"; empty when not recorded.</param>
/// <param name="SelfDefinedEthnicity">E.g. "White - English/Welsh/Scottish/Northern Irish/British"; empty when not recorded.</param>
/// <param name="Count">Searches.</param>
public sealed record StopSearchCell(
    YearMonth Month,
    string Type,
    string Legislation,
    string ObjectOfSearch,
    string Outcome,
    bool? OutcomeLinked,
    string OfficerDefinedEthnicity,
    string SelfDefinedEthnicity,
    long Count);

/// <summary>A force's (or forces') stop-and-search records for some months.</summary>
/// <param name="Forces">The forces whose searches these are.</param>
/// <param name="FirstMonth">First month asked for.</param>
/// <param name="LastMonth">Last month asked for.</param>
/// <param name="MonthsLoaded">Months asked for that every one of <see cref="Forces"/> has a stop-and-search file for.</param>
/// <param name="Cells">The searches, grouped.</param>
public sealed record StopSearchRecords(IReadOnlyList<string> Forces, YearMonth FirstMonth, YearMonth LastMonth, IReadOnlySet<YearMonth> MonthsLoaded, IReadOnlyList<StopSearchCell> Cells)
{
    /// <summary>All searches.</summary>
    public long Total => Cells.Sum(c => c.Count);
}

/// <summary>
/// Reads police.uk stop-and-search records. police.uk publishes searches by force, with a map point (often missing) and no
/// area code, so an area's searches are those of the force(s) responsible for it.
/// </summary>
public sealed class StopSearchRecordsQuery(AnalyticalStore store)
{
    /// <summary>The forces responsible for <paramref name="area"/> (the force itself for a force).</summary>
    public IReadOnlyList<string> ForcesOf(ResolvedArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var counts = new CrimeCounts(store);
        var (join, where, args) = counts.Filter(area);
        var forces = counts.ResponsibleForces(area, join, where, args);
        if (forces.Count == 0 && area.Kind == AreaKind.Force)
        {
            return [area.Name];
        }

        return [.. forces.Values.Order(StringComparer.Ordinal)];
    }

    /// <summary>The months with stop-and-search files for every one of <paramref name="forces"/>, first to last.</summary>
    public IReadOnlyList<YearMonth> MonthsLoaded(IReadOnlyList<string> forces)
    {
        ArgumentNullException.ThrowIfNull(forces);
        if (forces.Count == 0)
        {
            return [];
        }

        var names = string.Join(',', forces.Select((_, i) => $"${i + 1}"));
        return store.Query(
            $"""
            SELECT l.month_idx FROM loaded_month l JOIN force f USING (force_id)
            WHERE l.kind = 2 AND f.name IN ({names}) GROUP BY l.month_idx HAVING count(DISTINCT f.force_id) = {forces.Count} ORDER BY 1
            """,
            r => YearMonth.FromIndex(r.GetInt32(0)), [.. forces]);
    }

    /// <summary>The searches of <paramref name="forces"/> in <paramref name="first"/>..<paramref name="last"/>.</summary>
    public StopSearchRecords For(IReadOnlyList<string> forces, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(forces);
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        var loaded = MonthsLoaded(forces).Where(m => m >= first && m <= last).ToHashSet();
        if (forces.Count == 0 || loaded.Count == 0)
        {
            return new StopSearchRecords(forces, first, last, loaded, []);
        }

        var names = string.Join(',', forces.Select((_, i) => $"${i + 1}"));
        var months = string.Join(',', loaded.Select(m => m.Index));
        var cells = store.Query(
            $"""
            SELECT s.month_idx, s.search_type, coalesce(s.legislation, ''), coalesce(s.object_of_search, ''), coalesce(s.outcome, ''),
                   s.outcome_linked, coalesce(s.officer_defined_ethnicity, ''), coalesce(s.self_defined_ethnicity, ''), count(*)::BIGINT
            FROM stop_search s JOIN force f USING (force_id)
            WHERE f.name IN ({names}) AND s.month_idx IN ({months})
            GROUP BY ALL ORDER BY ALL
            """,
            r => new StopSearchCell(YearMonth.FromIndex(r.GetInt32(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetBoolean(5), r.GetString(6), r.GetString(7), r.GetInt64(8)),
            [.. forces]);
        return new StopSearchRecords(forces, first, last, loaded, cells);
    }
}
