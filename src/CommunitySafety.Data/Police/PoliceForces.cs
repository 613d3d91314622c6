using System.Collections.Frozen;
using CommunitySafety.Data.Internals;

namespace CommunitySafety.Data.Police;

/// <summary>A police force as police.uk names it.</summary>
/// <param name="Name">The name as written in the "Reported by" column, e.g. <c>Bedfordshire Police</c>.</param>
/// <param name="ShortName">The name without "Police", "Constabulary" or "Police Service", e.g. <c>Bedfordshire</c>.</param>
/// <param name="Slug">police.uk's identifier, used in file names, e.g. <c>bedfordshire</c>.</param>
/// <param name="IsTerritorialEnglandAndWales">Whether it is one of the 43 territorial forces of England and Wales.</param>
public sealed record PoliceForce(string Name, string ShortName, string Slug, bool IsTerritorialEnglandAndWales);

/// <summary>The forces police.uk publishes data for.</summary>
public static class PoliceForces
{
    /// <summary>The number of territorial police forces in England and Wales.</summary>
    public const int EnglandAndWalesCount = 43;

    /// <summary>Every force police.uk publishes: the 43 territorial forces of England and Wales, British Transport Police and PSNI.</summary>
    public static IReadOnlyList<PoliceForce> Known { get; } = BuildKnown();

    private static readonly FrozenDictionary<string, PoliceForce> ByKey = Known
        .SelectMany(f => new[] { (NameKey.For(f.Name), f), (NameKey.For(f.ShortName), f), (f.Slug, f) })
        .DistinctBy(p => p.Item1)
        .ToFrozenDictionary(p => p.Item1, p => p.Item2);

    private static PoliceForce[] BuildKnown()
    {
        (string Slug, string Name)[] territorial =
        [
            ("avon-and-somerset", "Avon and Somerset Constabulary"), ("bedfordshire", "Bedfordshire Police"),
            ("cambridgeshire", "Cambridgeshire Constabulary"), ("cheshire", "Cheshire Constabulary"),
            ("city-of-london", "City of London Police"), ("cleveland", "Cleveland Police"), ("cumbria", "Cumbria Constabulary"),
            ("derbyshire", "Derbyshire Constabulary"), ("devon-and-cornwall", "Devon & Cornwall Police"), ("dorset", "Dorset Police"),
            ("durham", "Durham Constabulary"), ("dyfed-powys", "Dyfed-Powys Police"), ("essex", "Essex Police"),
            ("gloucestershire", "Gloucestershire Constabulary"), ("greater-manchester", "Greater Manchester Police"),
            ("gwent", "Gwent Police"), ("hampshire", "Hampshire Constabulary"), ("hertfordshire", "Hertfordshire Constabulary"),
            ("humberside", "Humberside Police"), ("kent", "Kent Police"), ("lancashire", "Lancashire Constabulary"),
            ("leicestershire", "Leicestershire Police"), ("lincolnshire", "Lincolnshire Police"), ("merseyside", "Merseyside Police"),
            ("metropolitan", "Metropolitan Police Service"), ("norfolk", "Norfolk Constabulary"), ("north-wales", "North Wales Police"),
            ("north-yorkshire", "North Yorkshire Police"), ("northamptonshire", "Northamptonshire Police"),
            ("northumbria", "Northumbria Police"), ("nottinghamshire", "Nottinghamshire Police"), ("south-wales", "South Wales Police"),
            ("south-yorkshire", "South Yorkshire Police"), ("staffordshire", "Staffordshire Police"), ("suffolk", "Suffolk Constabulary"),
            ("surrey", "Surrey Police"), ("sussex", "Sussex Police"), ("thames-valley", "Thames Valley Police"),
            ("warwickshire", "Warwickshire Police"), ("west-mercia", "West Mercia Police"), ("west-midlands", "West Midlands Police"),
            ("west-yorkshire", "West Yorkshire Police"), ("wiltshire", "Wiltshire Police"),
        ];
        var list = territorial.Select(t => new PoliceForce(t.Name, ShortNameOf(t.Name), t.Slug, true)).ToList();
        list.Add(new PoliceForce("British Transport Police", "British Transport Police", "btp", false));
        list.Add(new PoliceForce("Police Service of Northern Ireland", "Northern Ireland", "northern-ireland", false));
        return [.. list];
    }

    /// <summary>Finds a known force by its full name, short name or slug, ignoring case and "&amp;"/"and".</summary>
    public static PoliceForce? Find(string text) =>
        ByKey.TryGetValue(NameKey.For(text), out var f) ? f : ByKey.GetValueOrDefault(text.Trim().ToLowerInvariant());

    /// <summary>
    /// The force for a "Reported by" name: the known force when it is one (keeping the name as written),
    /// otherwise a force whose short name and slug are derived from the name.
    /// </summary>
    public static PoliceForce FromName(string reportedBy)
    {
        var name = reportedBy.Trim();
        if (Find(name) is { } known && NameKey.For(known.Name) == NameKey.For(name))
        {
            return known with { Name = name };
        }

        var shortName = ShortNameOf(name);
        return new PoliceForce(name, shortName, SlugOf(shortName), false);
    }

    /// <summary>The force whose police.uk slug is <paramref name="slug"/> (from a file name such as <c>2018-03-bedfordshire-stop-and-search.csv</c>).</summary>
    public static PoliceForce? FromSlug(string slug) =>
        Known.FirstOrDefault(f => string.Equals(f.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name without "Police", "Constabulary", "Police Service": "Bedfordshire Police" → "Bedfordshire".</summary>
    public static string ShortNameOf(string name)
    {
        var s = name.Trim();
        foreach (var suffix in new[] { " Police Service", " Constabulary", " Police" })
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && s.Length > suffix.Length)
            {
                return s[..^suffix.Length];
            }
        }

        return s;
    }

    /// <summary>A police.uk-style slug: lower case, "&amp;" as "and", words joined by hyphens.</summary>
    public static string SlugOf(string shortName) => NameKey.For(shortName).Replace(' ', '-');
}
