namespace CommunitySafety.Areas;

/// <summary>The geographies that crime is counted for.</summary>
public enum AreaType
{
    /// <summary>Lower layer super output area (about 1,500 residents).</summary>
    Lsoa,

    /// <summary>Local authority district (lower tier or unitary).</summary>
    LocalAuthority,

    /// <summary>Community Safety Partnership: one or more local authority districts.</summary>
    CommunitySafetyPartnership,

    /// <summary>Police force area.</summary>
    PoliceForceArea,

    /// <summary>England and Wales as a whole.</summary>
    EnglandAndWales,
}

/// <summary>A named area with its ONS code.</summary>
/// <param name="Code">The ONS GSS code.</param>
/// <param name="Name">The name, e.g. <c>Portsmouth</c>.</param>
/// <param name="Type">What kind of area it is.</param>
public sealed record Area(AreaCode Code, string Name, AreaType Type)
{
    /// <summary>The pseudo-area for England and Wales, code K04000001 as ONS uses it.</summary>
    public static Area EnglandAndWales { get; } = new(AreaCode.Parse("K04000001"), "England and Wales", AreaType.EnglandAndWales);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Code})";
}

/// <summary>Human names for <see cref="AreaType"/>.</summary>
public static class AreaTypeNames
{
    /// <summary>The name used in tables and sentences, e.g. "Community Safety Partnership".</summary>
    public static string DisplayName(this AreaType type) => type switch
    {
        AreaType.Lsoa => "LSOA",
        AreaType.LocalAuthority => "local authority",
        AreaType.CommunitySafetyPartnership => "Community Safety Partnership",
        AreaType.PoliceForceArea => "police force area",
        AreaType.EnglandAndWales => "England and Wales",
        _ => type.ToString(),
    };
}
