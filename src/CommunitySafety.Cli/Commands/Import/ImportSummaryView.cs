using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Inputs;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary>Prints what a police.uk import did: rows per force, month and crime type, and what was rejected or replaced.</summary>
public static class ImportSummaryView
{
    /// <summary>Writes the summary tables to standard output and the totals to standard error.</summary>
    public static void Write(CliContext context, ImportSummary summary)
    {
        var byForce = new ResultTable(new ResultColumn("Force"), new ResultColumn("Kind"), new ResultColumn("Rows", IsNumeric: true));
        foreach (var ((force, kind), rows) in summary.RowsByForce.OrderBy(p => p.Key.Force, StringComparer.Ordinal).ThenBy(p => p.Key.Kind))
        {
            byForce.Add(force, KindName(kind), rows);
        }

        byForce.Title = "Rows imported by force";
        byForce.Write(context, OutputFormat.Table);

        var byMonth = new ResultTable(new ResultColumn("Month"), new ResultColumn("Kind"), new ResultColumn("Rows", IsNumeric: true));
        foreach (var ((month, kind), rows) in summary.RowsByMonth.OrderBy(p => p.Key.Month).ThenBy(p => p.Key.Kind))
        {
            byMonth.Add(month.ToString(), KindName(kind), rows);
        }

        byMonth.Title = "Rows imported by month";
        byMonth.Write(context, OutputFormat.Table);

        if (summary.RowsByCrimeType.Count > 0)
        {
            var byType = new ResultTable(new ResultColumn("Crime type"), new ResultColumn("Rows", IsNumeric: true));
            foreach (var (type, rows) in summary.RowsByCrimeType.OrderByDescending(p => p.Value))
            {
                byType.Add(type.Name, rows);
            }

            byType.Title = "Street-level rows imported by crime type";
            byType.Write(context, OutputFormat.Table);
        }

        var imported = summary.Files.Count(f => f.Imported);
        context.Say($"Imported {summary.TotalRows:N0} rows from {imported:N0} of {summary.Files.Count:N0} file(s).");
        foreach (var (path, sameAs) in summary.Duplicates)
        {
            context.Say($"Counted once: {path} is the same file as {sameAs} (same bytes), so it was not imported again.");
        }

        foreach (var archive in summary.Archives.Where(a => a.NotImported.Count > 0))
        {
            context.Say($"From {archive.Archive}: {archive.Imported.Count:N0} of {archive.Imported.Count + archive.NotImported.Count:N0} entries imported " +
                        $"(each whole){List(archive.Imported)}; not imported: {string.Join(", ", archive.NotImported)} (see the errors). " +
                        "Fix those entries and import the archive again: its force-months replace themselves.");
        }

        if (summary.ForceMonthsReplaced > 0)
        {
            context.Say($"Replaced {summary.ForceMonthsReplaced:N0} force-month(s) that were already in the store (police.uk republishes months).");
        }

        if (summary.TotalRejected > 0)
        {
            context.Say($"Skipped {summary.TotalRejected:N0} bad row(s); they are in {summary.RejectsPath}.");
        }
    }

    private static string List(IReadOnlyList<string> entries) => entries.Count switch
    {
        0 => string.Empty,
        <= 10 => ": " + string.Join(", ", entries),
        _ => $": {string.Join(", ", entries.Take(10))} and {entries.Count - 10:N0} more",
    };

    /// <summary>The kind of police.uk file as people call it.</summary>
    public static string KindName(PoliceFileKind kind) => kind switch
    {
        PoliceFileKind.Street => "street-level crime",
        PoliceFileKind.Outcomes => "outcomes",
        PoliceFileKind.StopAndSearch => "stop and search",
        _ => kind.ToString(),
    };
}
