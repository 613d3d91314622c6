using CommunitySafety.Areas;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Data.Police;

namespace CommunitySafety.Assessment.Peers;

/// <summary>One row of the ONS local authority → Community Safety Partnership → police force area lookup.</summary>
/// <param name="District">The local authority district's code.</param>
/// <param name="DistrictName">Its name.</param>
/// <param name="Partnership">The CSP's code.</param>
/// <param name="PartnershipName">The CSP's name.</param>
/// <param name="ForceArea">The police force area's code.</param>
/// <param name="ForceAreaName">The police force area's name, e.g. "Metropolitan Police" or "Bedfordshire".</param>
public sealed record DistrictRow(AreaCode District, string DistrictName, AreaCode Partnership, string PartnershipName, AreaCode ForceArea, string ForceAreaName);

/// <summary>
/// Which districts make up each Community Safety Partnership, and which police force covers each district: the ONS
/// "LAD to Community Safety Partnership to PFA (December 2024) Lookup in EW", shipped as <c>Defaults/lad24-csp24-pfa24.csv</c>.
/// Used to give a CSP that is one district that district's published neighbours, and to say which police.uk files would
/// load a peer that has no data in the store.
/// </summary>
public sealed class PartnershipGeography
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "lad24-csp24-pfa24.csv";

    private static readonly Lazy<PartnershipGeography> LazyDefault = new(() => Parse(DefaultFiles.Read(DefaultFileName), "ONS LAD to CSP to PFA (December 2024) lookup"));

    private readonly List<DistrictRow> _rows;

    private PartnershipGeography(List<DistrictRow> rows) => _rows = rows;

    /// <summary>The shipped December 2024 lookup.</summary>
    public static PartnershipGeography Default => LazyDefault.Value;

    /// <summary>Every row.</summary>
    public IReadOnlyList<DistrictRow> Rows => _rows;

    /// <summary>The districts of the CSP <paramref name="partnership"/>, each once.</summary>
    public IReadOnlyList<DistrictRow> DistrictsOf(AreaCode partnership) => [.. _rows.Where(r => r.Partnership == partnership).DistinctBy(r => r.District)];

    /// <summary>
    /// The district a CSP is exactly equal to: the CSP has one district and that district lies in no other CSP. Null for a
    /// CSP spanning several districts (or part of one), which has no published neighbours.
    /// </summary>
    public DistrictRow? SoleDistrictOf(AreaCode partnership)
    {
        var districts = DistrictsOf(partnership);
        return districts.Count == 1 && _rows.Where(r => r.District == districts[0].District).Select(r => r.Partnership).Distinct().Count() == 1
            ? districts[0]
            : null;
    }

    /// <summary>The police forces whose police.uk files cover the district <paramref name="district"/> (usually one).</summary>
    public IReadOnlyList<PoliceForce> ForcesOf(AreaCode district) =>
        [.. _rows.Where(r => r.District == district).Select(r => ForceOf(r.ForceAreaName)).OfType<PoliceForce>().DistinctBy(f => f.Slug)];

    /// <summary>The police.uk force for a police force area's name as ONS writes it ("Metropolitan Police", "London, City of", "Devon &amp; Cornwall").</summary>
    public static PoliceForce? ForceOf(string forceAreaName)
    {
        ArgumentNullException.ThrowIfNull(forceAreaName);
        var name = forceAreaName.Trim();
        if (name.StartsWith("London, City of", StringComparison.OrdinalIgnoreCase))
        {
            name = "City of London";
        }

        return PoliceForces.Find(name) ?? PoliceForces.Find(PoliceForces.ShortNameOf(name));
    }

    /// <summary>Reads a lookup with columns ltla24_code, ltla24_name, csp24_code, csp24_name, pfa24_code, pfa24_name.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static PartnershipGeography Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        int[] columns = [.. new[] { "ltla24_code", "ltla24_name", "csp24_code", "csp24_name", "pfa24_code", "pfa24_name" }.Select(c => CsvText.Column(header, c, source))];
        var list = new List<DistrictRow>(rows.Count);
        foreach (var row in rows)
        {
            AreaCode Code(int i) => AreaCode.TryParse(row.Fields[columns[i]], out var c)
                ? c
                : throw new AssessmentConfigurationException(source, $"line {row.Line}, {header[columns[i]]}: '{row.Fields[columns[i]]}' is not an ONS area code.");
            list.Add(new DistrictRow(Code(0), row.Fields[columns[1]], Code(2), row.Fields[columns[3]], Code(4), row.Fields[columns[5]]));
        }

        return new PartnershipGeography(list);
    }
}
