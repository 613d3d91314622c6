namespace CommunitySafety.Data.Synthetic;

/// <summary>
/// The figures the synthetic national archive is calibrated on, each with its source. Shares were measured on the real
/// police.uk files kept in the reference data (Bedfordshire Police street-level crime 2023-12 … 2025-12: 25 files,
/// 130,890 rows, 29.3 MB; Hampshire Constabulary 20 months 2017–2024: 304,108 rows; City of London Police outcomes
/// 2016-01 … 2017-06: 9,136 rows; stop and search of Bedfordshire, Hampshire and the Metropolitan Police 2018-03/04:
/// 25,323 rows). Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public static class SyntheticCalibration
{
    /// <summary>Street-level rows a year across the 43 forces of England and Wales (police.uk publishes about 6–7 million).</summary>
    public const long StreetRowsPerYear = 6_500_000;

    /// <summary>
    /// Stop and searches a year in England and Wales (Home Office, "Police powers and procedures: stop and search",
    /// year ending March 2023: about 530,000).
    /// </summary>
    public const long StopAndSearchesPerYear = 530_000;

    /// <summary>Share of street rows located nowhere (Location "No Location", no coordinates, no LSOA): Bedfordshire 2023-12 … 2025-12, 5,171 of 130,890.</summary>
    public const double NoLocationShare = 0.0395;

    /// <summary>
    /// Share of a force's street rows that fall in an LSOA of a neighbouring force (points near the boundary): Bedfordshire
    /// 2023-12 … 2025-12, 4.7% of rows are outside Bedford, Central Bedfordshire and Luton (Hampshire's 2017–2024 files: 0.2%).
    /// </summary>
    public const double OutsideForceShare = 0.02;

    /// <summary>
    /// Spread of crime across a force's LSOAs: log of LSOA counts has standard deviation 0.71 (Bedfordshire, 417 own
    /// LSOAs) and 0.81 (Hampshire, 1,259); the busiest 10% of LSOAs hold 34% of rows and the busiest 20% hold 50% in
    /// both. LSOA weights are drawn log-normal with this standard deviation.
    /// </summary>
    public const double LsoaLogSd = 0.76;

    /// <summary>Share of anti-social behaviour rows with an empty Crime ID (and empty last outcome): 20,902 of 20,902 in Bedfordshire 2023-12 … 2025-12.</summary>
    public const double AsbEmptyIdShare = 1.0;

    /// <summary>Outcomes rows per non-ASB street row of the same force-month (police.uk outcomes files are about as long as the crime files).</summary>
    public const double OutcomesPerCrime = 0.85;

    /// <summary>Share of stop and searches with no location: Hampshire 11%, Metropolitan 48%, Bedfordshire 90% (2018-03/04); 40% is used.</summary>
    public const double StopAndSearchNoLocationShare = 0.40;

    /// <summary>Street rows by calendar month (January … December), Bedfordshire, mean of 2024 and 2025: the seasonal shape.</summary>
    public static IReadOnlyList<double> MonthlyRows { get; } =
        [4877, 4648, 5257, 5280, 5838.5, 5796.5, 5835.5, 5468, 5097, 5286, 4980.5, 4816.5];

    /// <summary>Crime-type mix of street rows, Bedfordshire 2023-12 … 2025-12 (130,890 rows).</summary>
    public static IReadOnlyList<(string CrimeType, double Share)> CrimeTypes { get; } =
    [
        ("Violence and sexual offences", 0.3371), ("Anti-social behaviour", 0.1597), ("Shoplifting", 0.0908),
        ("Vehicle crime", 0.0785), ("Public order", 0.0700), ("Criminal damage and arson", 0.0690), ("Other theft", 0.0654),
        ("Burglary", 0.0378), ("Drugs", 0.0322), ("Other crime", 0.0220), ("Robbery", 0.0105), ("Possession of weapons", 0.0104),
        ("Bicycle theft", 0.0088), ("Theft from the person", 0.0077),
    ];

    /// <summary>"Last outcome category" of crimes (ASB rows have none), Bedfordshire 2023-12 … 2025-12; renormalised without the empty ones.</summary>
    public static IReadOnlyList<(string Outcome, double Share)> LastOutcomes { get; } =
    [
        ("Unable to prosecute suspect", 0.3420), ("Investigation complete; no suspect identified", 0.3305),
        ("Court result unavailable", 0.0422), ("Under investigation", 0.0298), ("Status update unavailable", 0.0247),
        ("Local resolution", 0.0200), ("Awaiting court outcome", 0.0190), ("Action to be taken by another organisation", 0.0162),
        ("Formal action is not in the public interest", 0.0055), ("Offender given a caution", 0.0053),
        ("Further investigation is not in the public interest", 0.0022), ("Further action is not in the public interest", 0.0017),
        ("Suspect charged as part of another case", 0.0011),
    ];

    /// <summary>"Outcome type" of outcomes rows, City of London Police 2016-01 … 2017-06 (9,136 rows).</summary>
    public static IReadOnlyList<(string Outcome, double Share)> OutcomeTypes { get; } =
    [
        ("Investigation complete; no suspect identified", 0.5173), ("Suspect charged", 0.1520), ("Unable to prosecute suspect", 0.1230),
        ("Offender sent to prison", 0.0510), ("Offender given a caution", 0.0357), ("Local resolution", 0.0190), ("Offender fined", 0.0175),
        ("Offender given suspended prison sentence", 0.0153), ("Offender given a drugs possession warning", 0.0121),
        ("Offender given community sentence", 0.0121), ("Formal action is not in the public interest", 0.0111),
        ("Defendant found not guilty", 0.0105), ("Offender given conditional discharge", 0.0069), ("Offender given penalty notice", 0.0051),
        ("Court case unable to proceed", 0.0040), ("Offender otherwise dealt with", 0.0020),
        ("Further investigation is not in the public interest", 0.0015), ("Suspect charged as part of another case", 0.0011),
    ];

    /// <summary>Stop-and-search columns' values, Bedfordshire, Hampshire and Metropolitan 2018-03/04 (25,323 rows).</summary>
    internal static class StopAndSearch
    {
        public static readonly (string, double)[] Type = [("Person search", 0.7283), ("Person and Vehicle search", 0.2575), ("Vehicle search", 0.0141)];

        public static readonly (string, double)[] Gender = [("Male", 0.9222), ("Female", 0.0664), ("", 0.0105), ("Other", 0.0010)];

        public static readonly (string, double)[] AgeRange = [("", 0.4659), ("18-24", 0.2128), ("25-34", 0.1228), ("10-17", 0.1122), ("over 34", 0.0863)];

        public static readonly (string, double)[] SelfDefinedEthnicity =
        [
            ("White - English/Welsh/Scottish/Northern Irish/British", 0.2212), ("Other ethnic group - Not stated", 0.1344),
            ("Black/African/Caribbean/Black British - Any other Black/African/Caribbean background", 0.1263),
            ("White - Any other White background", 0.1114), ("Black/African/Caribbean/Black British - African", 0.0995),
            ("Black/African/Caribbean/Black British - Caribbean", 0.0761), ("Asian/Asian British - Any other Asian background", 0.0600),
            ("Asian/Asian British - Bangladeshi", 0.0449), ("", 0.1262),
        ];

        public static readonly (string, double)[] OfficerDefinedEthnicity = [("Black", 0.3943), ("White", 0.3896), ("Asian", 0.1661), ("Other", 0.0352), ("", 0.0148)];

        /// <summary>Legislation and the object of search that goes with it.</summary>
        public static readonly (string Legislation, string Object, double Share)[] Legislation =
        [
            ("Misuse of Drugs Act 1971 (section 23)", "Controlled drugs", 0.5747),
            ("Police and Criminal Evidence Act 1984 (section 1)", "Offensive weapons", 0.1897),
            ("Police and Criminal Evidence Act 1984 (section 1)", "Stolen goods", 0.1197),
            ("Police and Criminal Evidence Act 1984 (section 1)", "Evidence of offences under the Act", 0.0570),
            ("Criminal Justice and Public Order Act 1994 (section 60)", "Anything to threaten or harm anyone", 0.0351),
            ("Firearms Act 1968 (section 47)", "Firearms", 0.0088),
            ("Criminal Justice Act 1988 (section 139B)", "Offensive weapons", 0.0013),
        ];

        public static readonly (string, double)[] Outcome =
        [
            ("A no further action disposal", 0.7059), ("Arrest", 0.1645), ("Khat or Cannabis warning", 0.0561), ("Community resolution", 0.0349),
            ("Penalty Notice for Disorder", 0.0201), ("Summons / charged by post", 0.0134), ("Caution (simple or conditional)", 0.0013),
        ];

        public static readonly (string, double)[] OutcomeLinked = [("", 0.9873), ("True", 0.0122), ("False", 0.0006)];

        public static readonly (string, double)[] PartOfOperation = [("False", 0.9369), ("", 0.0631)];
    }
}
