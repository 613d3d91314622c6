using CommunitySafety.Areas;

namespace CommunitySafety.Data.Queries;

/// <summary>What an area in a query is.</summary>
public enum AreaKind
{
    /// <summary>A police force: every record it reported, located or not.</summary>
    Force,

    /// <summary>An LSOA.</summary>
    Lsoa,

    /// <summary>A local authority district.</summary>
    LocalAuthority,

    /// <summary>A Community Safety Partnership.</summary>
    CommunitySafetyPartnership,

    /// <summary>A police force area (the geography, counted by where records' LSOAs lie).</summary>
    PoliceForceArea,

    /// <summary>England and Wales: the sum of every imported force.</summary>
    EnglandAndWales,
}

/// <summary>How records are counted for an area.</summary>
public enum CountBasis
{
    /// <summary>Every record the force reported, located or not: equals the rows of its files.</summary>
    ReportedByForce,

    /// <summary>Records whose LSOA lies in the area (records with no location are not in any area).</summary>
    LocatedInArea,

    /// <summary>Every record of every imported force (England and Wales).</summary>
    AllImportedForces,
}

/// <summary>An area a query is about, as resolved by <see cref="AreaResolver"/>.</summary>
/// <param name="Kind">What kind of area.</param>
/// <param name="Name">Its name, e.g. <c>Luton</c> or <c>Bedfordshire Police</c>.</param>
/// <param name="Code">Its GSS code; null for a force, and for a local authority known only from LSOA names (no lookup imported).</param>
public sealed record ResolvedArea(AreaKind Kind, string Name, AreaCode? Code)
{
    /// <summary>How records are counted for this area.</summary>
    public CountBasis Basis => Kind switch
    {
        AreaKind.Force => CountBasis.ReportedByForce,
        AreaKind.EnglandAndWales => CountBasis.AllImportedForces,
        _ => CountBasis.LocatedInArea,
    };

    /// <summary>The kind of area in words, e.g. "local authority" or "police force".</summary>
    public string KindName => Kind switch
    {
        AreaKind.Force => "police force",
        AreaKind.Lsoa => AreaType.Lsoa.DisplayName(),
        AreaKind.LocalAuthority => AreaType.LocalAuthority.DisplayName(),
        AreaKind.CommunitySafetyPartnership => AreaType.CommunitySafetyPartnership.DisplayName(),
        AreaKind.PoliceForceArea => AreaType.PoliceForceArea.DisplayName(),
        _ => AreaType.EnglandAndWales.DisplayName(),
    };

    /// <summary>One sentence saying what is counted, e.g. "records reported by Bedfordshire Police, located or not".</summary>
    public string BasisDescription => Basis switch
    {
        CountBasis.ReportedByForce => $"all records reported by {Name}, located or not",
        CountBasis.AllImportedForces => "all records of the imported forces",
        _ => $"records located in {Name} ({KindName}) by their LSOA",
    };

    /// <inheritdoc/>
    public override string ToString() => Code is { } c ? $"{Name} ({c}, {KindName})" : $"{Name} ({KindName})";
}

/// <summary>Thrown when text names no area the store knows.</summary>
public sealed class AreaNotFoundException(string text, IReadOnlyList<string> suggestions)
    : Exception(suggestions.Count == 0
        ? $"No area or force called '{text}'. Give a GSS code (e.g. E06000044), a local authority, CSP or police force area name, or a force name (e.g. 'Bedfordshire Police' or 'Bedfordshire'); `csp areas` lists them."
        : $"No area or force called '{text}'. Did you mean: {string.Join(", ", suggestions)}?")
{
    /// <summary>The text given.</summary>
    public string Text { get; } = text;

    /// <summary>Names that contain the text.</summary>
    public IReadOnlyList<string> Suggestions { get; } = suggestions;
}
