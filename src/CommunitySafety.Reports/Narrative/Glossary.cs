namespace CommunitySafety.Reports.Narrative;

/// <summary>
/// The reports' jargon in one place: the method names and codes that may appear only in a report's appendices (the
/// methods note and glossary), never in its body, and the glossary that explains them in plain words. A test reads
/// <see cref="BodyJargon"/> and fails when any term appears in the body of the demo's progress report or strategic
/// assessment.
/// </summary>
public static class Glossary
{
    /// <summary>
    /// Terms a board member or resident should not meet in a report's body (compared ignoring case). The plain words
    /// the body uses instead are in <see cref="Labels"/> and <see cref="NarrativeRules"/>: "unusually low", "no unusual
    /// change", "more than expected for an area this size". LSOA codes (E01…) are kept out of the body by a test of their
    /// pattern; the word "LSOA" itself may appear where data must be loaded by it, and is in the glossary.
    /// </summary>
    public static IReadOnlyList<string> BodyJargon { get; } =
    [
        "special cause",
        "common cause",
        "polarity",
        "Fingertips",
        "XmR",
        "SPC",
        "process limit",
        "exact Poisson",
        "Poisson",
        "Byar",
        "Wilson",
        "Gi*",
        "Getis-Ord",
        "z-score",
        "FDR",
        "false discovery rate",
        "Benjamini",
        "p-value",
        "confidence interval",
        "Making Data Count",
        "(n1", "(n2", "(n3", "(n4", "(n5", "(n6", "(n7", "(n8", "(n9",
    ];

    /// <summary>The glossary shown in a report's methods appendix: a term and what it means in plain words.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Terms { get; } =
    [
        ("Statistically significant", "A change or difference too large to be put down to chance alone (tested at the 5% level). \"Within normal variation\" means it could be chance."),
        ("Usual range", "The range an indicator's values normally fall in, worked out from its own history (the process limits of a statistical process control, SPC, chart). A value outside it, or a run of values on one side of the average, is \"unusually high\" or \"unusually low\"; otherwise there is \"no unusual change\"."),
        ("Too few points to judge", "The usual range needs at least 13 periods of data (NHS England's Making Data Count); with fewer, no chart is drawn and no judgement made."),
        ("Recent trend", "Whether the last five periods show a steady rise or fall that is statistically significant (the Public Health Profiles' recent trend test)."),
        ("Target", "Green: the target is met. Amber: the target is missed, but not by more than chance could explain. Red: the target is missed significantly."),
        ("Better when", "Whether a higher or a lower value is better for an indicator; some indicators (such as referrals) have no better direction, and their changes are described without a judgement."),
        ("Hot spot", "A place with more crime than expected for an area of its size, judged against the whole area (the Getis-Ord Gi* statistic, with the false discovery rate controlled so that chance does not make hot spots appear)."),
        ("Neighbourhood (LSOA)", "A Lower layer Super Output Area: a small census area of about 1,500 residents, named like \"Luton 013A\"."),
    ];
}
