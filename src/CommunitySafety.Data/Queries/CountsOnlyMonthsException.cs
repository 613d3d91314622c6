using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>
/// Thrown by a reader of raw street-level records (<see cref="HotspotPointsQuery"/>) when months it was asked for were
/// imported counts-only (<see cref="Police.PoliceImportOptions.CountsOnly"/>): the store holds their monthly counts but
/// not the records, so a map of them would silently show too little.
/// </summary>
public sealed class CountsOnlyMonthsException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="area"/> and the counts-only <paramref name="months"/>.</summary>
    /// <param name="area">The area asked for, as named in the message.</param>
    /// <param name="months">The months (at least one) whose records are not in the store.</param>
    public CountsOnlyMonthsException(string area, IReadOnlyList<YearMonth> months)
        : base($"The store holds only monthly counts, not the crime records, for {area} in {Describe(months)} (imported with --counts-only): " +
               "re-import those months without --counts-only to map them.")
    {
        Months = months;
    }

    /// <summary>The months whose records are not in the store, in order.</summary>
    public IReadOnlyList<YearMonth> Months { get; }

    private static string Describe(IReadOnlyList<YearMonth> months) =>
        months.Count switch
        {
            0 => "no month",
            1 => months[0].ToString(),
            _ => $"{months.Count} months from {months[0]} to {months[^1]}",
        };
}
