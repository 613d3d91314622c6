using System.Globalization;
using System.Text;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace CommunitySafety.Monitoring.Demo;

/// <summary>Choices for the demo plan.</summary>
public sealed record DemoPlanOptions
{
    /// <summary>The partnership's name.</summary>
    public string PartnershipName { get; init; } = "Luton Community Safety Partnership (example plan)";

    /// <summary>The partnership's area code (a CSP or local authority).</summary>
    public string AreaCode { get; init; } = "E06000032";

    /// <summary>The area's name.</summary>
    public string AreaName { get; init; } = "Luton";

    /// <summary>
    /// Real counts recorded by police in the area by crime type and complete financial quarter (from the analytical
    /// store): violence and sexual offences, possession of weapons and anti-social behaviour become the plan's
    /// police-recorded indicators, not flagged as examples. A crime type left out gets EXAMPLE values (violence, knife
    /// crime) or no indicator (anti-social behaviour).
    /// </summary>
    public IReadOnlyDictionary<Crime.CrimeType, IReadOnlyDictionary<FinancialQuarter, long>> PoliceRecordedByQuarter { get; init; } =
        new Dictionary<Crime.CrimeType, IReadOnlyDictionary<FinancialQuarter, long>>();

    /// <summary>Who the demo's values and commentary are entered by.</summary>
    public string EnteredBy { get; init; } = "Community Safety Analyst (example)";
}

/// <summary>What <see cref="DemoPlan.SeedAsync"/> did.</summary>
/// <param name="PlanId">The demo plan's key.</param>
/// <param name="Frameworks">Monitoring frameworks in the plan.</param>
/// <param name="Indicators">Indicators in the plan.</param>
/// <param name="Values">Indicator values stored.</param>
/// <param name="AlreadyPresent">True when the demo plan was already there and nothing was written.</param>
public sealed record DemoPlanSummary(int PlanId, int Frameworks, int Indicators, int Values, bool AlreadyPresent);

/// <summary>
/// An example community safety plan for Luton 2024/25, shaped like a real partnership's board progress report: priorities A–C and additional
/// priorities, the strategies the report names, the Domestic Abuse Monitoring Framework with objectives A–E and
/// indicators across four frameworks, with quarterly and annual values and commentary.
/// </summary>
/// <remarks>
/// Every value is EXAMPLE data generated deterministically (the same every run), and flagged
/// (<see cref="Indicator.IsExampleData"/>, a note on each value), except the Crime Survey for England and Wales series
/// (ONS, real) and, when supplied, the police.uk counts of <see cref="DemoPlanOptions.PoliceRecordedByQuarter"/>.
/// </remarks>
public static class DemoPlan
{
    /// <summary>The label carried by every example value's note.</summary>
    public const string ExampleLabel = "EXAMPLE data";

    /// <summary>The code of the demo's Domestic Abuse Monitoring Framework (its presence marks the demo as seeded).</summary>
    public const string DomesticAbuseFramework = "DAMF";

    private const string ExampleSource = "EXAMPLE data generated for the demonstration: not real figures";
    private static readonly FinancialYear FirstYear = new(2019);
    private static readonly FinancialYear LastYear = new(2025);

    /// <summary>
    /// Adds the demo plan to the store, unless it is already there. Deterministic: the same content every time.
    /// </summary>
    /// <param name="db">The monitoring store (migrated).</param>
    /// <param name="options">Choices; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was seeded.</returns>
    public static async Task<DemoPlanSummary> SeedAsync(MonitoringDbContext db, DemoPlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        options ??= new DemoPlanOptions();
        var existing = await db.Frameworks.AsNoTracking().Where(f => f.Code == DomesticAbuseFramework)
            .Select(f => f.Strategy!.PlanId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing != 0)
        {
            return await SummariseAsync(db, existing, alreadyPresent: true, cancellationToken).ConfigureAwait(false);
        }

        var now = db.TimeProvider.GetUtcNow();
        var builder = new Builder(options, now);
        var plan = builder.Build();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        foreach (var (subject, period, text) in builder.Commentary)
        {
            db.Commentaries.Add(new Commentary
            {
                IndicatorId = subject.Indicator?.Id,
                ObjectiveId = subject.Objective?.Id,
                PriorityId = subject.Priority?.Id,
                Period = period?.ToString(),
                Markdown = text,
                Author = options.EnteredBy,
                WrittenAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await SummariseAsync(db, plan.Id, alreadyPresent: false, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DemoPlanSummary> SummariseAsync(MonitoringDbContext db, int planId, bool alreadyPresent, CancellationToken cancellationToken)
    {
        var frameworks = await db.Frameworks.CountAsync(f => f.Strategy!.PlanId == planId, cancellationToken).ConfigureAwait(false);
        var indicators = await db.Indicators.CountAsync(i => i.Framework!.Strategy!.PlanId == planId, cancellationToken).ConfigureAwait(false);
        var values = await db.IndicatorValues.CountAsync(v => v.Indicator!.Framework!.Strategy!.PlanId == planId, cancellationToken).ConfigureAwait(false);
        return new DemoPlanSummary(planId, frameworks, indicators, values, alreadyPresent);
    }

    /// <summary>What a piece of demo commentary is on.</summary>
    private sealed record Subject(Indicator? Indicator = null, Objective? Objective = null, Priority? Priority = null);

    private sealed class Builder(DemoPlanOptions options, DateTimeOffset now)
    {
        public List<(Subject Subject, ReportingPeriod? Period, string Text)> Commentary { get; } = [];

        private static IEnumerable<FinancialQuarter> Quarters =>
            Enumerable.Range(FirstYear.StartYear + 1, LastYear.StartYear - FirstYear.StartYear).SelectMany(y => new FinancialYear(y).Quarters);

        private static ReportingPeriod Q4Of2024 => ReportingPeriod.Parse("Q4 2024/25");

        public CommunitySafetyPlan Build()
        {
            var partnership = new Partnership { Name = options.PartnershipName, AreaCode = options.AreaCode, AreaName = options.AreaName };
            var plan = new CommunitySafetyPlan
            {
                Partnership = partnership,
                Title = "Community Safety Plan 2023-24 (example, rolled forward to 2025/26)",
                FirstYear = new FinancialYear(2023),
                LastYear = new FinancialYear(2025),
                Status = PlanStatus.RolledForward,
            };
            AddPlanSections(plan);
            var a = AddPriority(plan, "A", 1, false,
                "Tackling violent crime, continuing to focus on violence against women and girls, domestic abuse, knife-enabled violence and sexual violence");
            var b = AddPriority(plan, "B", 2, false,
                "Tackling drug-related harm, with a focus on increasing access to treatment and closer working across physical and mental healthcare");
            var c = AddPriority(plan, "C", 3, false,
                "Early identification of, and interventions with, children and young people at risk of exploitation or abuse, of misusing substances and of committing anti-social behaviour and offending");
            var mentalHealth = AddPriority(plan, "AP1", 4, true,
                "Improve accessibility and capacity of mental health provision for children, young people and adults");
            var cyber = AddPriority(plan, "AP2", 5, true,
                "Increase awareness of cyber-related harm and its impact on service users");
            AddPrioritySections(a, b, c, mentalHealth, cyber);

            var domesticAbuse = AddStrategy(plan, "Domestic Abuse Strategy", "Luton Borough Council", "Domestic Abuse Strategy Group", StrategyStatus.BeingUpdated, new DateOnly(2026, 3, 31), a);
            AddStrategy(plan, "Bedfordshire Police Domestic Abuse Strategy 2025-27", "Bedfordshire Police", "Domestic Abuse Strategy Group", StrategyStatus.Current, new DateOnly(2027, 3, 31), a);
            var vawg = AddStrategy(plan, "Violence Against Women and Girls Strategy", "Luton Borough Council", "Health and Wellbeing Board", StrategyStatus.InDevelopment, new DateOnly(2026, 3, 31), a);
            var saferStreets = AddStrategy(plan, "Safer Streets programme", "Office of the Police and Crime Commissioner", "Safer Streets partnership board", StrategyStatus.Current, new DateOnly(2026, 3, 31), a);
            var drugs = AddStrategy(plan, "Combating Drugs Partnership delivery plan 2025-28", "Luton Borough Council Public Health", "Combating Drugs Partnership", StrategyStatus.Current, new DateOnly(2026, 3, 31), b, mentalHealth);
            var youth = AddStrategy(plan, "Youth Justice Plan 2025-27", "Luton Borough Council Children's Services", "Youth Justice Partnership Management Board", StrategyStatus.Current, new DateOnly(2027, 3, 31), c);
            AddStrategy(plan, "Children's Trust Plan", "Luton Children's Trust", "Children's Trust Board", StrategyStatus.BeingUpdated, null, c);
            AddStrategy(plan, "Luton Safeguarding Children Plan", "Luton Safeguarding Children Partnership", "Safeguarding Children Partnership", StrategyStatus.Current, null, c);
            AddStrategy(plan, "Social, Emotional and Mental Health Strategy", "Luton Borough Council", "Health and Wellbeing Board", StrategyStatus.Current, null, c, mentalHealth);
            AddStrategy(plan, "Safeguarding Adults Board Strategic Plan", "Luton Safeguarding Adults Board", "Safeguarding Adults Board", StrategyStatus.Current, null, a, mentalHealth);
            AddStrategy(plan, "Mental Health Transformation Programme: No Wrong Door", "NHS Bedfordshire, Luton and Milton Keynes", "No Wrong Door programme board", StrategyStatus.Current, null, mentalHealth);
            var community = AddStrategy(plan, "Community Safety Plan headline measures", "Luton Community Safety Partnership", "Health and Wellbeing Board", StrategyStatus.Current, null, a, cyber);

            AddDomesticAbuseFramework(domesticAbuse);
            AddDrugsFramework(drugs);
            AddYouthJusticeFramework(youth);
            AddCommunityFramework(community);
            AddActions(domesticAbuse, vawg, saferStreets, drugs, youth);
            return plan;
        }

        private static void AddPlanSections(CommunitySafetyPlan plan)
        {
            string[][] sections =
            [
                ["Purpose", nameof(NarrativeKind.Purpose), "To update the Community Safety Partnership Board on progress against the priorities of the community safety plan and, subject to the annual community safety analysis, to recommend that the current priorities are rolled forward."],
                ["Background", nameof(NarrativeKind.Background), "The priorities were set in the Community Safety Plan 2023-24 and rolled forward for 2024/25. The strategic assessment of 2024/25, made from police.uk recorded crime for Luton, is summarised below and its key messages are in the appendix; it recommends keeping violence, including violence against women and girls, as the first priority."],
                ["National context", nameof(NarrativeKind.NationalContext), "- The **Serious Violence Duty** has been in force since January 2023.\n- Part 4 of the **Domestic Abuse Act 2021** places duties on tier 1 authorities for safe accommodation.\n- The **Strategic Policing Requirement 2023** names violence against women and girls as a national threat.\n- The Home Office's review of **Community Safety Partnerships** may change their statutory duties.\n- The **ASB Action Plan** (May 2023) set out new powers against anti-social behaviour."],
                ["Conclusion", nameof(NarrativeKind.Conclusion), "Overall, progress has been made against the priorities and plans are in place to keep an appropriate focus over the coming 12 months. (EXAMPLE plan: the partner figures and commentary are examples; the police recorded crime figures are real.)"],
            ];
            var order = 1;
            foreach (var s in sections)
            {
                plan.Sections.Add(new NarrativeSection { Heading = s[0], Kind = Enum.Parse<NarrativeKind>(s[1]), Markdown = s[2], Order = order++ });
            }
        }

        private static Priority AddPriority(CommunitySafetyPlan plan, string code, int order, bool additional, string title)
        {
            var priority = new Priority { Plan = plan, Code = code, Title = title, Order = order, IsAdditional = additional };
            plan.Priorities.Add(priority);
            return priority;
        }

        private void AddPrioritySections(Priority a, Priority b, Priority c, Priority mentalHealth, Priority cyber)
        {
            a.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Progress, Heading = "Progress", Order = 1, Markdown = "Some progress has been made against every domestic abuse objective, but more focus is needed on challenging and supporting perpetrators who want to change, and holding to account those who do not. Recorded violence and weapons offences are reported below from police.uk." });
            a.Sections.Add(new NarrativeSection { Kind = NarrativeKind.PlansForNextYear, Heading = "Plans 2025/26", Order = 2, Markdown = "Develop a Violence Against Women and Girls strategy (understand, prevent, respond) with the domestic abuse strategy as one of its pillars; meet the Serious Violence Duty with the Violence Reduction Unit." });
            b.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Progress, Heading = "Progress", Order = 1, Markdown = "The number of people in drug and alcohol treatment rose by 20% (1,468 to 1,759). The proportion of new clients with a mental health need who received no mental health treatment fell from 49.0% to 43.7%." });
            c.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Progress, Heading = "Progress", Order = 1, Markdown = "The rate of first-time entrants to the youth justice system fell from 287 to 229 per 100,000 10–17 year olds between 2023 and 2024, and to 218 in 2025, reflecting early help and the Youth Diversion Programme." });
            c.Sections.Add(new NarrativeSection { Kind = NarrativeKind.PlansForNextYear, Heading = "Plans 2025/26", Order = 2, Markdown = "Evaluate the Youth Diversion Programme with police colleagues; develop the youth justice offer from the five Family Hubs." });
            mentalHealth.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Progress, Heading = "Progress", Order = 1, Markdown = "Access to mental health provision is led by the NHS 'No Wrong Door' programme and the Combating Drugs Partnership plan." });
            cyber.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Progress, Heading = "Progress", Order = 1, Markdown = "The Luton Community Safety Partnership website now explains how to avoid scams and what to do if online security is compromised." });
            Commentary.Add((new Subject(Priority: a), Q4Of2024, "EXAMPLE commentary: domestic abuse remains the largest driver of violent crime; demand is rising for children living with high-risk domestic abuse."));
            Commentary.Add((new Subject(Priority: b), Q4Of2024, "EXAMPLE commentary: treatment numbers up for the second year running; the young people's service is a priority for investment in 2025/26."));
            Commentary.Add((new Subject(Priority: c), Q4Of2024, "EXAMPLE commentary: first-time entrants continue to fall."));
        }

        private static Strategy AddStrategy(
            CommunitySafetyPlan plan, string name, string owner, string governance, StrategyStatus status, DateOnly? review, params Priority[] priorities)
        {
            var strategy = new Strategy
            {
                Plan = plan,
                Name = name,
                OwnerOrganisation = owner,
                GovernanceGroup = governance,
                Status = status,
                ReviewDate = review,
                Priorities = [.. priorities],
            };
            plan.Strategies.Add(strategy);
            return strategy;
        }

        private void AddDomesticAbuseFramework(Strategy strategy)
        {
            var framework = QuarterlyFramework(strategy, DomesticAbuseFramework, "Domestic Abuse Monitoring Framework", "Community Safety Analyst, Public Health Intelligence");
            var a = Objective(framework, "A", "Promote healthy relationships");
            var b = Objective(framework, "B", "Improve identification and assessment");
            var c = Objective(framework, "C", "Challenge and support those who use abusive or unhealthy behaviours");
            var d = Objective(framework, "D", "Hold to account those who use coercive control and violence");
            var e = Objective(framework, "E", "Are we making a difference?");

            var mash = Counts(framework, null, "DA-01", "Children's MASH contacts where domestic abuse is a factor", Polarity.NoJudgement,
                Annual(2019, 1850, 1810, 1760, 1690, 1640, 1600, 1580), "Children's social care");
            var highRisk = Counts(framework, null, "DA-02", "Children known to be living in families experiencing high-risk domestic abuse", Polarity.NoJudgement,
                Annual(2019, 610, 640, 655, 690, 700, 821, 840), "Children's social care (MARAC)");
            var isva = Counts(framework, null, "DA-03", "Referrals to the Independent Sexual Violence Advocacy (ISVA) service", Polarity.NoJudgement,
                Annual(2019, 180, 190, 205, 200, 224, 271, 280), "ISVA service");
            var views = Counts(framework, a, "DA-A1", "Unique views of the Luton Community Safety Partnership domestic abuse web pages", Polarity.HighIsGood,
                Annual(2019, 9800, 12100, 14300, 17600, 19250, 23680, 24100), "Luton Community Safety Partnership");
            Counts(framework, a, "DA-A2", "Right to Know disclosures made by police (Clare's Law)", Polarity.HighIsGood,
                Annual(2019, 88, 96, 110, 121, 132, 152, 160), "Bedfordshire Police");
            Counts(framework, b, "DA-B1", "Adult safeguarding concerns leading to a Section 42 enquiry where domestic abuse is identified", Polarity.NoJudgement,
                Annual(2019, 120, 131, 138, 142, 150, 171, 175), "Adult social care");
            var stJames = AnnualProportion(framework, b, "DA-B2", "Society of St James clients where domestic abuse is identified (%)", Polarity.HighIsGood,
                "Society of St James", "New clients assessed in the year",
                new() { [2019] = (26, 100, 400) }, notAvailableFrom: 2020, notAvailableTo: 2023, more: new() { [2024] = (5, 100, 420), [2025] = (7, 100, 400) });
            var health = Counts(framework, b, "DA-B3", "Referrals from health providers to STOP Domestic Abuse", Polarity.HighIsGood,
                Annual(2019, 14, 12, 15, 9, 11, 13, 16), "STOP Domestic Abuse");
            health.DisclosureThreshold = 5;
            Counts(framework, c, "DA-C1", "Perpetrators starting a behaviour change intervention", Polarity.HighIsGood,
                Annual(2019, 60, 58, 64, 41, 52, 55, 61), "Up2U / Hampton Trust");
            QuarterlyProportion(framework, c, "DA-C2", "Up2U Creating Healthy Relationships clients with a reduction in risk (%)", Polarity.HighIsGood,
                "Up2U", "Clients completing the programme", startRate: 0.74, endRate: 0.62, denominator: 22);
            QuarterlyProportion(framework, d, "DA-D1", "Domestic abuse arrests resulting in a charge or caution (%)", Polarity.HighIsGood,
                "Bedfordshire Police", "Domestic abuse arrests", startRate: 0.24, endRate: 0.17, denominator: 310);
            var court = Counts(framework, d, "DA-D2", "Successful court outcomes for domestic abuse offences", Polarity.HighIsGood,
                Annual(2019, 420, 395, 370, 318, 305, 289, 292), "Crown Prosecution Service");
            Counts(framework, d, "DA-D3", "Domestic Violence Protection Notices and Orders issued", Polarity.HighIsGood,
                Annual(2019, 70, 74, 69, 81, 77, 62, 66), "Bedfordshire Police");
            var refuge = QuarterlyProportion(framework, e, "DA-E1", "Refuge service users with reduced risk at the end of support (%)", Polarity.HighIsGood,
                "Refuge", "Service users leaving support", startRate: 0.88, endRate: 0.90, denominator: 45);
            refuge.Targets.Add(new IndicatorTarget { Lower = 85, Description = "At least 85% leave with reduced risk" });
            QuarterlyProportion(framework, e, "DA-E2", "STOP Domestic Abuse survey respondents who feel safer (%)", Polarity.HighIsGood,
                "STOP Domestic Abuse", "Survey respondents", startRate: 0.74, endRate: 0.78, denominator: 40);

            var q4 = Q4Of2024;
            var fy = ReportingPeriod.Parse("2024/25");
            Commentary.Add((new Subject(mash), q4, "EXAMPLE commentary: domestic abuse-related MASH contacts have fallen slowly, from 1,850 in 2019/20 to 1,600 in 2024/25."));
            Commentary.Add((new Subject(highRisk), q4, "EXAMPLE commentary: 821 children in 2024/25, up 17% (+121) on 700 in 2023/24; 196 in Q4 2024/25 against 170 in Q4 2023/24. More work is needed to understand why."));
            Commentary.Add((new Subject(isva), q4, "EXAMPLE commentary: 271 referrals in 2024/25, up 21% (+47) on 224 in 2023/24; 75 in Q4 2024/25 against 47 in Q4 2023/24, possibly reflecting media coverage of sexual violence and greater confidence in reporting."));
            Commentary.Add((new Subject(views), q4, "EXAMPLE commentary: 23,680 unique views in 2024/25, up 23% on 2023/24, helped by the 'Is this Love' campaign."));
            Commentary.Add((new Subject(stJames), fy, "EXAMPLE commentary: 5% of clients in 2024/25 against 26% in 2019/20, the last time this was available."));
            Commentary.Add((new Subject(court), q4, "EXAMPLE commentary: 289 successful court outcomes in 2024/25, 9% fewer than the 318 of 2022/23, continuing the fall from 420 in 2019/20."));
            Commentary.Add((new Subject(Objective: a), q4, "Good progress: every school has its Relationships and Sex Education policy available and 'Is this Love' is delivered in all secondary schools."));
            Commentary.Add((new Subject(Objective: b), q4, "Training by STOP Domestic Abuse now covers identifying perpetrators as well as victims; referrals from health providers remain very low."));
            Commentary.Add((new Subject(Objective: c), q4, "Numbers of perpetrators receiving interventions are still low; fewer Up2U clients show a reduction in risk."));
            Commentary.Add((new Subject(Objective: d), q4, "Arrests resulting in a charge or caution have fallen over the decade but appear to be stabilising; fewer DVPNs and DVPOs since 2023/24."));
            Commentary.Add((new Subject(Objective: e), q4, "Risk reduction for Refuge service users has been consistent at around 90% for three years; about three in four STOP survey respondents feel safer."));
        }

        private void AddDrugsFramework(Strategy strategy)
        {
            var framework = QuarterlyFramework(strategy, "CDP", "Combating Drugs Partnership outcomes framework", "Public Health Intelligence");
            var treatment = Objective(framework, "2", "Improve the quality, capacity and outcomes of drug and alcohol treatment");
            var young = Objective(framework, "3", "Reduce misuse and harm caused to young people by drugs and alcohol");

            var inTreatment = NewIndicator(framework, treatment, "CDP-01", "People in drug and alcohol treatment", IndicatorValueType.Count, 1, Polarity.HighIsGood,
                ReportingFrequency.Annual, "National Drug Treatment Monitoring System", "Society of St James");
            inTreatment.Definition = "Adults in structured treatment at any point in the financial year, by presenting substance.";
            int[] totals = [1310, 1352, 1401, 1390, 1468, 1759, 1812];
            for (var i = 0; i < totals.Length; i++)
            {
                var year = ReportingPeriod.OfFinancialYear(FirstYear.AddYears(i));
                var noise = new Noise("CDP-01" + i);
                var opiates = (int)Math.Round(totals[i] * (0.46 - (0.01 * i) + (0.01 * noise.Normal())));
                var alcoholOnly = (int)Math.Round(totals[i] * (0.31 + (0.005 * i)));
                var nonOpiatesOnly = (int)Math.Round(totals[i] * 0.12);
                Add(inTreatment, year, totals[i], null);
                Add(inTreatment, year, opiates, null, "Presenting substance", "Opiates");
                Add(inTreatment, year, nonOpiatesOnly, null, "Presenting substance", "Non-opiates only");
                Add(inTreatment, year, alcoholOnly, null, "Presenting substance", "Alcohol only");
                Add(inTreatment, year, totals[i] - opiates - nonOpiatesOnly - alcoholOnly, null, "Presenting substance", "Non-opiates and alcohol");
            }

            var noTreatment = NewIndicator(framework, treatment, "CDP-02", "New treatment clients with a mental health need who received no mental health treatment (%)",
                IndicatorValueType.Proportion, 100, Polarity.LowIsGood, ReportingFrequency.Annual, "National Drug Treatment Monitoring System", "Society of St James");
            noTreatment.DenominatorDefinition = "New presentations to treatment with an identified mental health need";
            noTreatment.BaselinePeriod = "2021/22";
            noTreatment.Targets.Add(new IndicatorTarget { Upper = 40, Description = "No more than 40% without mental health treatment" });
            (int Count, int Denominator)[] mh = [(262, 498), (270, 520), (281, 540), (276, 552), (294, 600), (284, 650), (280, 668)];
            for (var i = 0; i < mh.Length; i++)
            {
                Add(noTreatment, ReportingPeriod.OfFinancialYear(FirstYear.AddYears(i)), mh[i].Count, mh[i].Denominator);
            }

            var youngPeople = NewIndicator(framework, young, "CDP-03", "Young people starting specialist substance misuse treatment", IndicatorValueType.Count, 1,
                Polarity.HighIsGood, ReportingFrequency.Annual, "National Drug Treatment Monitoring System", "Luton Borough Council Children's Services");
            youngPeople.DisclosureThreshold = 5;
            int[] yp = [41, 44, 36, 29, 38, 15, 24];
            for (var i = 0; i < yp.Length; i++)
            {
                Add(youngPeople, ReportingPeriod.OfFinancialYear(FirstYear.AddYears(i)), yp[i], null);
            }

            Commentary.Add((new Subject(inTreatment), ReportingPeriod.Parse("2024/25"), "EXAMPLE commentary: a 20% increase (1,468 to 1,759) in people in treatment, building on the increase of the year before."));
            Commentary.Add((new Subject(noTreatment), ReportingPeriod.Parse("2024/25"), "EXAMPLE commentary: down from 49.0% to 43.7%; clinical psychologists now work within the rough sleeper drug and alcohol team."));
            Commentary.Add((new Subject(youngPeople), ReportingPeriod.Parse("2024/25"), "EXAMPLE commentary: staffing changes cut new young clients from 38 to 15; recruitment of a team leader is under way."));
        }

        private void AddYouthJusticeFramework(Strategy strategy)
        {
            var framework = QuarterlyFramework(strategy, "YJP", "Youth Justice Plan performance framework", "Youth Justice Service");
            var fte = Objective(framework, "1", "Reduce first-time entrants to the youth justice system");
            var entrants = NewIndicator(framework, fte, "YJ-01", "First-time entrants to the youth justice system per 100,000 of 10–17 population",
                IndicatorValueType.CrudeRate, 100_000, Polarity.LowIsGood, ReportingFrequency.Annual, "Police National Computer (Ministry of Justice)", "Youth Justice Service");
            entrants.YearType = YearType.Calendar;
            entrants.DenominatorDefinition = "Resident population aged 10–17 (ONS mid-year estimate)";
            entrants.Benchmark = BenchmarkKind.England;
            (int Year, int Count, int Population, int England, int EnglandPopulation)[] rows =
            [
                (2019, 70, 18_600, 14_400, 5_520_000), (2020, 66, 18_800, 13_600, 5_600_000), (2021, 61, 18_950, 11_900, 5_680_000),
                (2022, 52, 19_050, 9_800, 5_760_000), (2023, 55, 19_160, 8_500, 5_830_000), (2024, 44, 19_210, 8_700, 5_880_000),
                (2025, 42, 19_300, 8_400, 5_920_000),
            ];
            foreach (var r in rows)
            {
                var year = ReportingPeriod.OfCalendarYear(r.Year);
                Add(entrants, year, r.Count, r.Population);
                Add(entrants, year, r.England, r.EnglandPopulation, area: AreaCodes.England);
            }

            var turnaround = NewIndicator(framework, fte, "YJ-02", "Children offered Turnaround Youth Justice interventions", IndicatorValueType.Count, 1,
                Polarity.HighIsGood, ReportingFrequency.Quarterly, "Youth Justice Service", "Youth Justice Service");
            var quarter = ReportingPeriod.Parse("Q1 2025/26");
            foreach (var n in new[] { 9, 14, 17, 21 })
            {
                Add(turnaround, quarter, n, null);
                quarter = quarter.Next;
            }

            Commentary.Add((new Subject(entrants), ReportingPeriod.OfCalendarYear(2025), "EXAMPLE commentary: down from 229 to 218 per 100,000 between 2024 and 2025, after 287 in 2023: evidence of early help and the Youth Diversion Programme."));
        }

        private void AddCommunityFramework(Strategy strategy)
        {
            var framework = QuarterlyFramework(strategy, "CSP", "Community Safety Plan headline indicators", "Public Health Intelligence");
            var violence = Objective(framework, "V", "Reduce violent crime");
            var confidence = Objective(framework, "S", "People feel safe");

            var asbObjective = options.PoliceRecordedByQuarter.ContainsKey(Crime.CrimeType.AntiSocialBehaviour)
                ? Objective(framework, "B", "Reduce anti-social behaviour")
                : null;

            // With real police.uk counts the indicator is police.uk's own category, which includes sexual offences.
            if (PoliceRecorded(framework, violence, "CSP-01", Crime.CrimeType.ViolenceAndSexualOffences, "Violence and sexual offences recorded by police (police.uk)") is null)
            {
                ExampleViolence(framework, violence);
            }

            var knife = PoliceRecorded(framework, violence, "CSP-02", Crime.CrimeType.PossessionOfWeapons, "Possession of weapons offences recorded by police (police.uk)");
            if (knife is null)
            {
                knife = Counts(framework, violence, "CSP-02", "Knife-enabled serious violence", Polarity.LowIsGood,
                    Annual(2019, 168, 181, 175, 139, 173, 192, 185), "Bedfordshire Police");
                knife.BaselinePeriod = "Q4 2021/22";
                Commentary.Add((new Subject(knife), Q4Of2024, "EXAMPLE commentary: serious violence has been stable since 2020/21 but knife-enabled violence rose 11% (+19), from 173 in 2023/24 to 192 in 2024/25, from small numbers."));
            }

            if (asbObjective is not null)
            {
                PoliceRecorded(framework, asbObjective, "CSP-05", Crime.CrimeType.AntiSocialBehaviour, "Anti-social behaviour incidents recorded by police (police.uk)");
            }

            var partnerAbuse = NewIndicator(framework, violence, "CSP-03", "Women aged 16 to 59 who experienced partner abuse in the last year (%), England and Wales",
                IndicatorValueType.Proportion, 100, Polarity.LowIsGood, ReportingFrequency.Annual, "Crime Survey for England and Wales (ONS, SDG indicator 5.2.1)", "Office for National Statistics");
            partnerAbuse.IsExampleData = false;
            partnerAbuse.ReportingAreaCode = AreaCodes.EnglandAndWales;
            partnerAbuse.Benchmark = BenchmarkKind.None;
            AddCsew(partnerAbuse, "csew_partner_abuse_women_16_59.csv");

            var safe = NewIndicator(framework, confidence, "CSP-04", "People who feel safe walking alone after dark (%), England and Wales",
                IndicatorValueType.Proportion, 100, Polarity.HighIsGood, ReportingFrequency.Annual, "Crime Survey for England and Wales (ONS, SDG indicator 16.1.4)", "Office for National Statistics");
            safe.IsExampleData = false;
            safe.ReportingAreaCode = AreaCodes.EnglandAndWales;
            safe.Benchmark = BenchmarkKind.None;
            AddCsew(safe, "csew_feel_safe_after_dark.csv");

            Commentary.Add((new Subject(partnerAbuse), ReportingPeriod.Parse("2021/22"), "Real figures (ONS): the national context for the domestic abuse strategy. 2020/21 is missing because the Crime Survey could not be run face to face."));
        }

        /// <summary>
        /// A quarterly count indicator of real police.uk records for <paramref name="type"/>, when the options carry them;
        /// null otherwise. Its commentary says where the figures come from; the change and SPC come from the judgement.
        /// </summary>
        private Indicator? PoliceRecorded(MonitoringFramework framework, Objective objective, string code, Crime.CrimeType type, string title)
        {
            if (!options.PoliceRecordedByQuarter.TryGetValue(type, out var quarters) || quarters.Count == 0)
            {
                return null;
            }

            var indicator = NewIndicator(framework, objective, code, title, IndicatorValueType.Count, 1, Polarity.LowIsGood,
                ReportingFrequency.Quarterly, "Police recorded crime (data.police.uk), located in the area by LSOA", "Bedfordshire Police");
            indicator.Source = "Police recorded crime (data.police.uk), located in the area by LSOA; OGL v3.0";
            indicator.Definition = $"Police.uk '{type.Name}' records located in {options.AreaName}, by financial quarter; only quarters whose three months are all published are included.";
            indicator.IsExampleData = false;
            indicator.Benchmark = BenchmarkKind.None;
            foreach (var (q, count) in quarters.OrderBy(kv => kv.Key))
            {
                Add(indicator, ReportingPeriod.OfQuarter(q), count, null, note: "Police recorded crime, from the analytical store");
            }

            var first = quarters.Keys.Min();
            Commentary.Add((new Subject(indicator), Q4Of2024,
                $"Real figures: police.uk records for {options.AreaName}, counted from the analytical store from {first} onwards. Police.uk locations are approximate and a crime's type can be revised after publication."));
            return indicator;
        }

        /// <summary>EXAMPLE quarterly counts of violence against the person, for a plan seeded without police.uk data.</summary>
        private void ExampleViolence(MonitoringFramework framework, Objective violence)
        {
            var vap = NewIndicator(framework, violence, "CSP-01", "Violence against the person recorded by police", IndicatorValueType.Count, 1, Polarity.LowIsGood,
                ReportingFrequency.Quarterly, "Police recorded crime (data.police.uk)", "Bedfordshire Police");
            vap.BaselinePeriod = "Q4 2021/22";
            var level = 1850.0;
            foreach (var q in Quarters)
            {
                var noise = new Noise("CSP-01" + q);
                var pandemic = q.Year.StartYear == 2020 ? 0.85 : 1.0;
                var seasonal = q.Quarter switch { 1 => 1.04, 2 => 1.07, 3 => 0.97, _ => 0.92 };
                Add(vap, ReportingPeriod.OfQuarter(q), Math.Round((level * pandemic * seasonal) + (Math.Sqrt(level) * noise.Normal())), null);
                level += 6;
            }
        }

        private void AddActions(Strategy domesticAbuse, Strategy vawg, Strategy saferStreets, Strategy drugs, Strategy youth)
        {
            var d = domesticAbuse.Frameworks.Single().Objectives.Single(o => o.Code == "D");
            (ActionStatus Status, DateOnly Date, string Text)[][] reviews =
            [
                [(ActionStatus.Ongoing, new DateOnly(2021, 9, 1), "Review commissioned."), (ActionStatus.Submitted, new DateOnly(2023, 11, 1), "Overview report submitted to the Home Office."), (ActionStatus.Published, new DateOnly(2024, 6, 1), "Approved by the Home Office and published.")],
                [(ActionStatus.Ongoing, new DateOnly(2022, 7, 1), "Review commissioned."), (ActionStatus.Submitted, new DateOnly(2025, 2, 1), "Submitted; awaiting Home Office approval.")],
                [(ActionStatus.Ongoing, new DateOnly(2023, 5, 1), "Review commissioned; awaiting the end of criminal proceedings.")],
                [(ActionStatus.Ongoing, new DateOnly(2024, 3, 1), "Review commissioned.")],
                [(ActionStatus.Ongoing, new DateOnly(2024, 12, 1), "Review commissioned.")],
            ];
            for (var i = 0; i < reviews.Length; i++)
            {
                var action = new PlanAction
                {
                    Title = $"Domestic homicide review {i + 1}",
                    Owner = "Luton Community Safety Partnership",
                    Objective = d,
                    Status = reviews[i][^1].Status,
                    Rag = reviews[i][^1].Status == ActionStatus.Published ? Rag.Green : Rag.Amber,
                };
                foreach (var (status, date, text) in reviews[i])
                {
                    action.Updates.Add(new ActionUpdate
                    {
                        Date = date,
                        Status = status,
                        Rag = status == ActionStatus.Published ? Rag.Green : Rag.Amber,
                        Text = text,
                        Author = options.EnteredBy,
                        RecordedAt = now,
                    });
                }

                domesticAbuse.Actions.Add(action);
            }

            AddAction(domesticAbuse, "Develop a new domestic abuse strategy as a pillar of the VAWG strategy", "Strategy & Partnership Manager", new DateOnly(2026, 3, 31), ActionStatus.Ongoing, Rag.Amber);
            AddAction(vawg, "Establish a task and finish group to develop the VAWG strategy", "Health and Wellbeing Board", new DateOnly(2025, 9, 30), ActionStatus.Ongoing, Rag.Green);
            AddAction(saferStreets, "Deliver the Safer Streets projects (Mentors in Violence Prevention, town centre lighting and CCTV)", "Office of the Police and Crime Commissioner", new DateOnly(2026, 3, 31), ActionStatus.Ongoing, Rag.Green);
            AddAction(drugs, "Launch the Re:work employment project for people in treatment", "Society of St James", new DateOnly(2025, 3, 31), ActionStatus.Completed, Rag.Green);
            AddAction(drugs, "Recruit a team leader and staff for the young people's substance misuse service", "Public Health", new DateOnly(2025, 12, 31), ActionStatus.Ongoing, Rag.Amber);
            AddAction(youth, "Increase identification of speech, language and communication needs", "Youth Justice Service", new DateOnly(2025, 3, 31), ActionStatus.Completed, Rag.Green);
            AddAction(youth, "Identify at-risk cohorts through Multi Agency Teams", "Children's Insights Team", new DateOnly(2025, 3, 31), ActionStatus.Completed, Rag.Green);
            AddAction(youth, "Increase the number of schools using PACE and restorative approaches", "Education", new DateOnly(2026, 7, 31), ActionStatus.Ongoing, Rag.Green);
            AddAction(youth, "Evaluate the Youth Diversion Programme with police colleagues", "Bedfordshire Police", new DateOnly(2026, 3, 31), ActionStatus.NotStarted, Rag.Amber);
        }

        private void AddAction(Strategy strategy, string title, string owner, DateOnly due, ActionStatus status, Rag rag)
        {
            var action = new PlanAction { Title = title, Owner = owner, DueDate = due, Status = status, Rag = rag };
            action.Updates.Add(new ActionUpdate { Date = new DateOnly(2025, 3, 31), Status = status, Rag = rag, Author = options.EnteredBy, RecordedAt = now, Text = "Position at the end of 2024/25 (EXAMPLE)." });
            strategy.Actions.Add(action);
        }

        /// <summary>A quarterly monitoring framework added to <paramref name="strategy"/>.</summary>
        private static MonitoringFramework QuarterlyFramework(Strategy strategy, string code, string name, string producedBy)
        {
            var framework = new MonitoringFramework
            {
                Strategy = strategy,
                Code = code,
                Name = name,
                Frequency = ReportingFrequency.Quarterly,
                ProducedBy = producedBy,
            };
            strategy.Frameworks.Add(framework);
            return framework;
        }

        private static Objective Objective(MonitoringFramework framework, string code, string title)
        {
            var objective = new Objective { Framework = framework, Code = code, Title = title, Order = framework.Objectives.Count + 1 };
            framework.Objectives.Add(objective);
            return objective;
        }

        private static Indicator NewIndicator(
            MonitoringFramework framework, Objective? objective, string code, string title, IndicatorValueType type, double multiplier, Polarity polarity,
            ReportingFrequency frequency, string source, string owner)
        {
            var indicator = new Indicator
            {
                Framework = framework,
                Objective = objective,
                Code = code,
                Title = title,
                Source = source + " — " + ExampleSource,
                OwnerOrganisation = owner,
                ValueType = type,
                Multiplier = multiplier,
                Polarity = polarity,
                Frequency = frequency,
                YearType = YearType.Financial,
                IsExampleData = true,
                Order = framework.Indicators.Count + 1,
            };
            framework.Indicators.Add(indicator);
            return indicator;
        }

        /// <summary>A quarterly count indicator whose quarters add up to the given financial-year totals.</summary>
        private Indicator Counts(MonitoringFramework framework, Objective? objective, string code, string title, Polarity polarity, int[] annual, string owner)
        {
            var indicator = NewIndicator(framework, objective, code, title, IndicatorValueType.Count, 1, polarity, ReportingFrequency.Quarterly, owner, owner);
            indicator.Benchmark = BenchmarkKind.None;
            for (var i = 0; i < annual.Length; i++)
            {
                var year = FirstYear.AddYears(i);
                var noise = new Noise(code + year);
                var weights = Enumerable.Range(0, 4).Select(_ => Math.Max(0.5, 1 + (0.08 * noise.Normal()))).ToArray();
                var sum = weights.Sum();
                var given = 0;
                foreach (var q in year.Quarters)
                {
                    var count = q.Quarter < 4 ? (int)Math.Round(annual[i] * weights[q.Quarter - 1] / sum) : annual[i] - given;
                    given += count;
                    var status = q.Year == LastYear && q.Quarter == 4 ? ValueStatus.Provisional : ValueStatus.Final;
                    Add(indicator, ReportingPeriod.OfQuarter(q), count, null, status: status);
                }
            }

            return indicator;
        }

        /// <summary>A quarterly proportion moving from one rate to another over the years.</summary>
        private Indicator QuarterlyProportion(
            MonitoringFramework framework, Objective objective, string code, string title, Polarity polarity, string owner, string denominatorDefinition,
            double startRate, double endRate, int denominator)
        {
            var indicator = NewIndicator(framework, objective, code, title, IndicatorValueType.Proportion, 100, polarity, ReportingFrequency.Quarterly, owner, owner);
            indicator.DenominatorDefinition = denominatorDefinition;
            var quarters = Quarters.ToList();
            for (var i = 0; i < quarters.Count; i++)
            {
                var noise = new Noise(code + quarters[i]);
                var n = Math.Max(5, (int)Math.Round(denominator * (1 + (0.1 * noise.Normal()))));
                var rate = startRate + ((endRate - startRate) * i / (quarters.Count - 1));
                var p = Math.Clamp(rate + (Math.Sqrt(rate * (1 - rate) / n) * noise.Normal()), 0, 1);
                Add(indicator, ReportingPeriod.OfQuarter(quarters[i]), Math.Round(n * p), n);
            }

            return indicator;
        }

        /// <summary>An annual proportion with explicit missing years.</summary>
        private Indicator AnnualProportion(
            MonitoringFramework framework, Objective objective, string code, string title, Polarity polarity, string owner, string denominatorDefinition,
            Dictionary<int, (double Percent, double Multiplier, int Denominator)> first, int notAvailableFrom, int notAvailableTo,
            Dictionary<int, (double Percent, double Multiplier, int Denominator)> more)
        {
            var indicator = NewIndicator(framework, objective, code, title, IndicatorValueType.Proportion, 100, polarity, ReportingFrequency.Annual, owner, owner);
            indicator.DenominatorDefinition = denominatorDefinition;
            foreach (var (year, v) in first.Concat(more))
            {
                Add(indicator, ReportingPeriod.OfFinancialYear(new FinancialYear(year)), Math.Round(v.Denominator * v.Percent / v.Multiplier), v.Denominator);
            }

            var lastAvailable = new FinancialYear(notAvailableFrom - 1);
            for (var year = notAvailableFrom; year <= notAvailableTo; year++)
            {
                Add(indicator, ReportingPeriod.OfFinancialYear(new FinancialYear(year)), null, null, missing: $"Not available since {lastAvailable}");
            }

            return indicator;
        }

        private void AddCsew(Indicator indicator, string resource)
        {
            indicator.Source = indicator.Source!.Replace(" — " + ExampleSource, string.Empty, StringComparison.Ordinal);
            indicator.Definition = "Crime Survey for England and Wales estimate; no counts or limits in the ONS series, so no significance tests.";
            using var stream = typeof(DemoPlan).Assembly.GetManifestResourceStream("CommunitySafety.Monitoring.DemoData." + resource)
                ?? throw new InvalidOperationException($"The demo data file {resource} is not embedded.");
            using var text = new StreamReader(stream, Encoding.UTF8);
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
            var seen = new HashSet<FinancialYear>();
            foreach (var row in reader)
            {
                var year = FinancialYear.Parse(row["Year"].ToString());
                seen.Add(year);
                var status = row["Observation status"].ToString();
                var valueText = row["Value"].ToString();
                var period = ReportingPeriod.OfFinancialYear(year);
                if (valueText.Length > 0 && status == "Normal value")
                {
                    indicator.Values.Add(Value(period, null, null, double.Parse(valueText, CultureInfo.InvariantCulture), indicator.ReportingAreaCode!,
                        "Real figure: ONS Crime Survey for England and Wales (OGL v3.0)", null));
                }
                else
                {
                    indicator.Values.Add(Value(period, null, null, null, indicator.ReportingAreaCode!, null,
                        year.StartYear == 2020 ? "Not available: no face-to-face Crime Survey in 2020/21 (ONS: missing value)" : $"Not available: {status.ToLowerInvariant()} in the ONS series"));
                }
            }

            // Years inside the series that ONS does not publish are missing, never zero.
            for (var year = seen.Min(); year < seen.Max(); year = year.Next)
            {
                if (!seen.Contains(year))
                {
                    indicator.Values.Add(Value(ReportingPeriod.OfFinancialYear(year), null, null, null, indicator.ReportingAreaCode!, null, "Not published in the ONS series"));
                }
            }
        }

        private void Add(
            Indicator indicator, ReportingPeriod period, double? count, double? denominator, string categoryType = "", string category = "",
            string? missing = null, string? area = null, ValueStatus status = ValueStatus.Final, string? note = null)
        {
            var input = new IndicatorValueInput(indicator.Code, period, area ?? options.AreaCode) { Count = count, Denominator = denominator, MissingReason = missing };
            var value = IndicatorValueRules.EffectiveValue(indicator, input);
            var row = Value(period, count, denominator, value, area ?? options.AreaCode, note ?? (indicator.IsExampleData ? ExampleLabel : null), missing);
            row.CategoryType = categoryType;
            row.Category = category;
            row.Status = status;
            indicator.Values.Add(row);
        }

        private IndicatorValue Value(ReportingPeriod period, double? count, double? denominator, double? value, string area, string? note, string? missing) => new()
        {
            AreaCode = area,
            Period = period,
            Count = count,
            Denominator = denominator,
            Value = value,
            MissingReason = value is null ? missing ?? "Not available" : null,
            Note = note,
            Status = ValueStatus.Final,
            EnteredBy = options.EnteredBy,
            EnteredAt = now,
        };

        private static int[] Annual(int firstYear, params int[] totals) =>
            firstYear == FirstYear.StartYear ? totals : throw new ArgumentOutOfRangeException(nameof(firstYear));
    }

    /// <summary>A deterministic pseudo-random source (xorshift64*), seeded from a stable FNV-1a hash of a key.</summary>
    private sealed class Noise
    {
        private ulong _state;

        public Noise(string key)
        {
            _state = 14695981039346656037UL;
            foreach (var c in key)
            {
                _state = (_state ^ c) * 1099511628211UL;
            }

            _state |= 1;
        }

        /// <summary>An approximately standard normal number (sum of twelve uniforms minus six).</summary>
        public double Normal()
        {
            var sum = 0.0;
            for (var i = 0; i < 12; i++)
            {
                sum += Uniform();
            }

            return sum - 6;
        }

        private double Uniform()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return ((_state * 2685821657736338717UL) >> 11) * (1.0 / (1UL << 53));
        }
    }
}
