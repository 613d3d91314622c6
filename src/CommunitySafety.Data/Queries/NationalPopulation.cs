using CommunitySafety.Areas;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>A country's population for a national comparator, with the forces its crime counts would rest on.</summary>
/// <param name="Code">E92000001 England, W92000004 Wales or K04000001 England and Wales.</param>
/// <param name="Name">The country's name.</param>
/// <param name="Population">The ONS figure (year and source with it), or null when not imported.</param>
/// <param name="Note">Why there is no population, when there is none.</param>
/// <param name="Forces">The forces loaded out of those that police the country (43 for England and Wales).</param>
public sealed record CountryPopulation(string Code, string Name, PopulationFigure? Population, string? Note, ForceCoverage Forces)
{
    /// <summary>Whether counts for the country cover every force, so that a national rate means what it says.</summary>
    public bool IsComplete => !Forces.IsPartial;

    /// <summary>E.g. "2 of 43 forces loaded (Bedfordshire Police, Hampshire Constabulary): counts for England and Wales are not national figures."; null when complete.</summary>
    public string? CoverageStatement => IsComplete ? null
        : $"{Forces.Forces.Count} of {Forces.OutOf} forces loaded{(Forces.Forces.Count > 0 ? $" ({string.Join(", ", Forces.Forces)})" : string.Empty)}: counts for {Name} are not national figures; import every force's files for a national comparator.";
}

/// <summary>
/// The populations of England, Wales and England and Wales from the ONS country totals (the E92, W92 and K04 rows of the
/// mid-year estimates), by the year rule of <see cref="PopulationYears"/>, with a statement of how many forces are loaded.
/// </summary>
public sealed class NationalPopulation(AnalyticalStore store)
{
    private readonly PopulationCalculator _population = new(store);

    /// <summary>The three countries' populations for a period ending in <paramref name="last"/> (all ages unless <paramref name="band"/>).</summary>
    public IReadOnlyList<CountryPopulation> For(YearMonth last, AgeBand? band = null)
    {
        var forces = store.Query("SELECT DISTINCT f.name FROM loaded_month l JOIN force f USING (force_id) WHERE l.kind = 0 ORDER BY 1", r => r.GetString(0));
        var target = PopulationYears.ForPeriod(last);
        const int welsh = 4;
        var list = new List<CountryPopulation>();
        foreach (var (code, name) in new[] { ("E92000001", "England"), ("W92000004", "Wales"), (Area.EnglandAndWales.Code.Value, Area.EnglandAndWales.Name) })
        {
            var (figure, note) = _population.ForCode(code, band ?? AgeBand.AllAges, target);
            var of = code switch
            {
                "E92000001" => forces.Where(f => !IsWelsh(f)).ToList(),
                "W92000004" => forces.Where(f => IsWelsh(f)).ToList(),
                _ => forces,
            };
            var outOf = code switch
            {
                "E92000001" => Police.PoliceForces.EnglandAndWalesCount - welsh,
                "W92000004" => welsh,
                _ => Police.PoliceForces.EnglandAndWalesCount,
            };
            list.Add(new CountryPopulation(code, name, figure, note, new ForceCoverage(of, outOf)));
        }

        return list;
    }

    /// <summary>The four Welsh forces: Dyfed-Powys, Gwent, North Wales and South Wales.</summary>
    private static bool IsWelsh(string force) =>
        Police.PoliceForces.Find(force)?.Slug is "dyfed-powys" or "gwent" or "north-wales" or "south-wales";
}
