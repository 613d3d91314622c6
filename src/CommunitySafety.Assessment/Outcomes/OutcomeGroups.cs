namespace CommunitySafety.Assessment.Outcomes;

/// <summary>One group of police.uk outcome categories, as a board reads them.</summary>
/// <param name="Id">Stable key for CSV/JSON, e.g. <c>charged</c>.</param>
/// <param name="Name">Plain name, e.g. "Charged or summonsed".</param>
/// <param name="Meaning">One sentence for a board member.</param>
/// <param name="IsOpen">True for the group of crimes still under investigation (no outcome yet).</param>
public sealed record OutcomeGroup(string Id, string Name, string Meaning, bool IsOpen = false);

/// <summary>
/// The mapping of police.uk "Last outcome category" (street files) and "Outcome type" (outcomes files) to outcome groups.
/// </summary>
/// <remarks>
/// <para>police.uk publishes about 30 categories, derived from the Home Office outcomes framework. They are grouped so that a
/// board can see how many crimes end in a charge, an out-of-court disposal, no suspect, or a suspect who could not be
/// prosecuted. Court results ("Offender fined", "Defendant found not guilty", "Court result unavailable", "Awaiting court
/// outcome" …) all mean the suspect was charged or summonsed: the court's verdict is not an outcome of the police
/// investigation. "Status update unavailable" means police.uk had no outcome to publish; it is its own group, not
/// folded into another. A category not in the table lands in "Other or unrecognised" and is listed by name in the
/// result, never dropped. The table is documented in docs/methodology.md.</para>
/// </remarks>
public static class OutcomeGroups
{
    /// <summary>Charged, summonsed, or dealt with at court.</summary>
    public static OutcomeGroup Charged { get; } = new("charged", "Charged or summonsed", "A suspect was charged or summonsed to court (including every court result and cases awaiting court).");

    /// <summary>Caution, community resolution, penalty notice, drugs warning.</summary>
    public static OutcomeGroup OutOfCourt { get; } = new("out-of-court", "Caution or community resolution", "The offender was dealt with out of court: a caution, community (local) resolution, penalty notice or drugs warning.");

    /// <summary>Investigation complete; no suspect identified.</summary>
    public static OutcomeGroup NoSuspect { get; } = new("no-suspect", "No suspect identified", "The investigation finished without identifying a suspect.");

    /// <summary>Unable to prosecute suspect.</summary>
    public static OutcomeGroup UnableToProsecute { get; } = new("unable-to-prosecute", "Unable to prosecute (evidential difficulties)", "A suspect was identified but could not be prosecuted, usually because of evidential difficulties or because the victim did not support further action.");

    /// <summary>Formal action / further action / further investigation not in the public interest.</summary>
    public static OutcomeGroup PublicInterest { get; } = new("public-interest", "Not in the public interest", "The police or the Crown Prosecution Service decided that formal or further action was not in the public interest.");

    /// <summary>Action to be taken by another organisation.</summary>
    public static OutcomeGroup OtherOrganisation { get; } = new("other-organisation", "Passed to another organisation", "Another organisation (for example a school or another police force) is dealing with it.");

    /// <summary>Under investigation.</summary>
    public static OutcomeGroup UnderInvestigation { get; } = new("under-investigation", "Under investigation", "No outcome yet: the crime was still under investigation when the data was published.", IsOpen: true);

    /// <summary>Status update unavailable.</summary>
    public static OutcomeGroup Unavailable { get; } = new("unavailable", "Outcome not available", "police.uk had no outcome to publish for the crime (\"Status update unavailable\").");

    /// <summary>No category given, or one not in the table.</summary>
    public static OutcomeGroup Other { get; } = new("other", "Other or unrecognised", "No outcome category was given, or a category this table does not know (listed by name).");

    /// <summary>The groups in display order.</summary>
    public static IReadOnlyList<OutcomeGroup> All { get; } =
        [Charged, OutOfCourt, NoSuspect, UnableToProsecute, PublicInterest, OtherOrganisation, UnderInvestigation, Unavailable, Other];

    /// <summary>The police.uk categories and their group, in the order docs/methodology.md lists them.</summary>
    public static IReadOnlyList<(string Category, OutcomeGroup Group)> Table { get; } =
    [
        ("Suspect charged", Charged),
        ("Suspect charged as part of another case", Charged),
        ("Awaiting court outcome", Charged),
        ("Court result unavailable", Charged),
        ("Court case unable to proceed", Charged),
        ("Defendant sent to Crown Court", Charged),
        ("Defendant found not guilty", Charged),
        ("Offender sent to prison", Charged),
        ("Offender given suspended prison sentence", Charged),
        ("Offender given community sentence", Charged),
        ("Offender fined", Charged),
        ("Offender given conditional discharge", Charged),
        ("Offender given absolute discharge", Charged),
        ("Offender ordered to pay compensation", Charged),
        ("Offender deprived of property", Charged),
        ("Offender otherwise dealt with", Charged),
        ("Offender given a caution", OutOfCourt),
        ("Offender given a drugs possession warning", OutOfCourt),
        ("Offender given penalty notice", OutOfCourt),
        ("Local resolution", OutOfCourt),
        ("Investigation complete; no suspect identified", NoSuspect),
        ("Unable to prosecute suspect", UnableToProsecute),
        ("Formal action is not in the public interest", PublicInterest),
        ("Further action is not in the public interest", PublicInterest),
        ("Further investigation is not in the public interest", PublicInterest),
        ("Action to be taken by another organisation", OtherOrganisation),
        ("Under investigation", UnderInvestigation),
        ("Status update unavailable", Unavailable),
    ];

    private static readonly Dictionary<string, OutcomeGroup> ByCategory =
        Table.ToDictionary(t => t.Category, t => t.Group, StringComparer.OrdinalIgnoreCase);

    /// <summary>The group of a police.uk category; <see cref="Other"/> for an empty or unknown one.</summary>
    public static OutcomeGroup Of(string category) =>
        ByCategory.GetValueOrDefault((category ?? string.Empty).Trim()) ?? Other;

    /// <summary>True when the category is in the table.</summary>
    public static bool IsKnown(string category) => ByCategory.ContainsKey((category ?? string.Empty).Trim());
}
