using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CommunitySafety.Crime;

/// <summary>
/// A police.uk crime category. The fourteen current categories, plus the two that police.uk used before
/// the 2013 changes, each with the current categories it maps to.
/// </summary>
/// <remarks>
/// police.uk's category history (data.police.uk "About" page, changes of 2013):
/// <list type="bullet">
/// <item>"Public disorder and weapons" (to April 2013) was split from May 2013 into "Public order" and
/// "Possession of weapons". For a series crossing that date compare "Public disorder and weapons" with the
/// sum of the two.</item>
/// <item>"Violent crime" (to March 2013) became "Violence and sexual offences" from April 2013, when sexual
/// offences moved in from "Other crime": the two are mapped together but are not strictly comparable.</item>
/// <item>"Bicycle theft" and "Theft from the person" were split out of "Other theft" in May 2013; they keep
/// their own categories and "Other theft" before that date contains them.</item>
/// </list>
/// </remarks>
public sealed class CrimeType : IEquatable<CrimeType>
{
    private CrimeType(byte id, string name, string slug, CrimeType[]? currentEquivalents = null)
    {
        Id = id;
        Name = name;
        Slug = slug;
        CurrentEquivalents = currentEquivalents ?? [];
    }

    /// <summary>A small stable number, used as the dictionary key in the store.</summary>
    public byte Id { get; }

    /// <summary>The name as police.uk writes it in the "Crime type" column.</summary>
    public string Name { get; }

    /// <summary>The police.uk API slug, e.g. <c>violent-crime</c>.</summary>
    public string Slug { get; }

    /// <summary>For a pre-2013 category, the current categories it corresponds to; empty for current ones.</summary>
    public IReadOnlyList<CrimeType> CurrentEquivalents { get; }

    /// <summary>Whether this is a category police.uk no longer uses.</summary>
    public bool IsLegacy => CurrentEquivalents.Count > 0;

    /// <summary>Anti-social behaviour (not a crime, but reported alongside).</summary>
    public static CrimeType AntiSocialBehaviour { get; } = new(1, "Anti-social behaviour", "anti-social-behaviour");

    /// <summary>Bicycle theft.</summary>
    public static CrimeType BicycleTheft { get; } = new(2, "Bicycle theft", "bicycle-theft");

    /// <summary>Burglary.</summary>
    public static CrimeType Burglary { get; } = new(3, "Burglary", "burglary");

    /// <summary>Criminal damage and arson.</summary>
    public static CrimeType CriminalDamageAndArson { get; } = new(4, "Criminal damage and arson", "criminal-damage-arson");

    /// <summary>Drugs.</summary>
    public static CrimeType Drugs { get; } = new(5, "Drugs", "drugs");

    /// <summary>Other crime.</summary>
    public static CrimeType OtherCrime { get; } = new(6, "Other crime", "other-crime");

    /// <summary>Other theft.</summary>
    public static CrimeType OtherTheft { get; } = new(7, "Other theft", "other-theft");

    /// <summary>Possession of weapons.</summary>
    public static CrimeType PossessionOfWeapons { get; } = new(8, "Possession of weapons", "possession-of-weapons");

    /// <summary>Public order.</summary>
    public static CrimeType PublicOrder { get; } = new(9, "Public order", "public-order");

    /// <summary>Robbery.</summary>
    public static CrimeType Robbery { get; } = new(10, "Robbery", "robbery");

    /// <summary>Shoplifting.</summary>
    public static CrimeType Shoplifting { get; } = new(11, "Shoplifting", "shoplifting");

    /// <summary>Theft from the person.</summary>
    public static CrimeType TheftFromThePerson { get; } = new(12, "Theft from the person", "theft-from-the-person");

    /// <summary>Vehicle crime.</summary>
    public static CrimeType VehicleCrime { get; } = new(13, "Vehicle crime", "vehicle-crime");

    /// <summary>Violence and sexual offences.</summary>
    public static CrimeType ViolenceAndSexualOffences { get; } = new(14, "Violence and sexual offences", "violent-crime");

    /// <summary>Pre-May-2013 category, split into Public order and Possession of weapons.</summary>
    public static CrimeType PublicDisorderAndWeapons { get; } =
        new(15, "Public disorder and weapons", "public-disorder-weapons", [PublicOrder, PossessionOfWeapons]);

    /// <summary>Pre-April-2013 name of Violence and sexual offences (without sexual offences).</summary>
    public static CrimeType ViolentCrime { get; } =
        new(16, "Violent crime", "violent-crime-pre-2013", [ViolenceAndSexualOffences]);

    /// <summary>The fourteen categories police.uk uses today, in its order.</summary>
    public static IReadOnlyList<CrimeType> Current { get; } =
    [
        AntiSocialBehaviour, BicycleTheft, Burglary, CriminalDamageAndArson, Drugs, OtherCrime, OtherTheft,
        PossessionOfWeapons, PublicOrder, Robbery, Shoplifting, TheftFromThePerson, VehicleCrime, ViolenceAndSexualOffences,
    ];

    /// <summary>Every category, current and legacy.</summary>
    public static IReadOnlyList<CrimeType> All { get; } = [.. Current, PublicDisorderAndWeapons, ViolentCrime];

    // Names and slugs; a slug equal to its name (e.g. "burglary") is listed once.
    private static readonly FrozenDictionary<string, CrimeType> ByName =
        All.SelectMany(t => new[] { (Key: t.Name, Type: t), (Key: t.Slug, Type: t) })
           .DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
           .ToFrozenDictionary(p => p.Key, p => p.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly CrimeType?[] ById = BuildIdTable();

    private static CrimeType?[] BuildIdTable()
    {
        var table = new CrimeType?[All.Max(t => t.Id) + 1];
        foreach (var t in All)
        {
            table[t.Id] = t;
        }

        return table;
    }

    /// <summary>Finds a category by its police.uk name or slug, ignoring case and surrounding spaces.</summary>
    public static bool TryFind(ReadOnlySpan<char> name, [NotNullWhen(true)] out CrimeType? crimeType)
    {
        var lookup = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name.Trim(), out crimeType);
    }

    /// <summary>Finds a category by name or slug.</summary>
    /// <exception cref="ArgumentException">No category has that name.</exception>
    public static CrimeType Find(string name) =>
        TryFind(name, out var t) ? t : throw new ArgumentException($"'{name}' is not a police.uk crime type. Known types: {string.Join(", ", Current.Select(c => c.Name))}.", nameof(name));

    /// <summary>The category with the given <see cref="Id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No category has that id.</exception>
    public static CrimeType FromId(int id) =>
        id >= 0 && id < ById.Length && ById[id] is { } t ? t : throw new ArgumentOutOfRangeException(nameof(id), id, "No crime type has this id.");

    /// <inheritdoc/>
    public bool Equals(CrimeType? other) => other is not null && other.Id == Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CrimeType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
