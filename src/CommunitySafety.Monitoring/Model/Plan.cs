using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Model;

/// <summary>A Community Safety Partnership (CSP): the partners who own a community safety plan.</summary>
public sealed class Partnership
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The partnership's name, e.g. "Safer Portsmouth Partnership".</summary>
    public required string Name { get; set; }

    /// <summary>The ONS code of the area it covers (a CSP or local authority code).</summary>
    public required string AreaCode { get; set; }

    /// <summary>The area's name.</summary>
    public required string AreaName { get; set; }

    /// <summary>The partnership's plans.</summary>
    public List<CommunitySafetyPlan> Plans { get; set; } = [];
}

/// <summary>A community safety plan: priorities delivered through partner strategies.</summary>
public sealed class CommunitySafetyPlan
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The partnership that owns the plan.</summary>
    public int PartnershipId { get; set; }

    /// <summary>The partnership that owns the plan.</summary>
    public Partnership? Partnership { get; set; }

    /// <summary>The title, e.g. "Community Safety Plan 2021-22".</summary>
    public required string Title { get; set; }

    /// <summary>The first financial year the plan covers.</summary>
    public FinancialYear FirstYear { get; set; }

    /// <summary>The last financial year the plan covers (later when rolled forward).</summary>
    public FinancialYear LastYear { get; set; }

    /// <summary>Where the plan is in its life.</summary>
    public PlanStatus Status { get; set; }

    /// <summary>The plan's priorities, A, B, C and additional ones.</summary>
    public List<Priority> Priorities { get; set; } = [];

    /// <summary>The strategies and delivery plans that deliver the priorities.</summary>
    public List<Strategy> Strategies { get; set; } = [];

    /// <summary>Narrative sections of the plan itself (purpose, background, national context, conclusion…).</summary>
    public List<NarrativeSection> Sections { get; set; } = [];
}

/// <summary>A priority of the plan, e.g. "A. Tackling violent crime…".</summary>
public sealed class Priority
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The plan.</summary>
    public int PlanId { get; set; }

    /// <summary>The plan.</summary>
    public CommunitySafetyPlan? Plan { get; set; }

    /// <summary>The code, e.g. "A"; additional priorities have codes of their own (e.g. "AP1").</summary>
    public required string Code { get; set; }

    /// <summary>The title.</summary>
    public required string Title { get; set; }

    /// <summary>A longer description (Markdown).</summary>
    public string? Description { get; set; }

    /// <summary>Display order within the plan.</summary>
    public int Order { get; set; }

    /// <summary>True for the plan's "additional priorities".</summary>
    public bool IsAdditional { get; set; }

    /// <summary>Strategies that deliver this priority.</summary>
    public List<Strategy> Strategies { get; set; } = [];

    /// <summary>Narrative sections of this priority (progress, plans for next year…).</summary>
    public List<NarrativeSection> Sections { get; set; } = [];
}

/// <summary>A partner strategy or delivery plan, e.g. the Domestic Abuse Strategy or the Youth Justice Plan.</summary>
public sealed class Strategy
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The plan it contributes to.</summary>
    public int PlanId { get; set; }

    /// <summary>The plan it contributes to.</summary>
    public CommunitySafetyPlan? Plan { get; set; }

    /// <summary>The name, e.g. "Domestic Abuse Strategy".</summary>
    public required string Name { get; set; }

    /// <summary>The organisation that owns it.</summary>
    public string? OwnerOrganisation { get; set; }

    /// <summary>The group that oversees it, e.g. "Domestic Abuse Strategy Group".</summary>
    public string? GovernanceGroup { get; set; }

    /// <summary>Where it is in its life.</summary>
    public StrategyStatus Status { get; set; }

    /// <summary>When it is next reviewed.</summary>
    public DateOnly? ReviewDate { get; set; }

    /// <summary>The priorities it delivers.</summary>
    public List<Priority> Priorities { get; set; } = [];

    /// <summary>Its monitoring frameworks.</summary>
    public List<MonitoringFramework> Frameworks { get; set; } = [];

    /// <summary>Its actions.</summary>
    public List<PlanAction> Actions { get; set; } = [];
}

/// <summary>A monitoring framework: the indicators, grouped by objective, by which a strategy is monitored.</summary>
public sealed class MonitoringFramework
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The strategy it monitors.</summary>
    public int StrategyId { get; set; }

    /// <summary>The strategy it monitors.</summary>
    public Strategy? Strategy { get; set; }

    /// <summary>A short code used on the command line and in templates, e.g. "DAMF".</summary>
    public required string Code { get; set; }

    /// <summary>The name, e.g. "Domestic Abuse Monitoring Framework".</summary>
    public required string Name { get; set; }

    /// <summary>How often it is reported.</summary>
    public ReportingFrequency Frequency { get; set; }

    /// <summary>Who produces it, e.g. "Community Safety Analyst, Public Health Intelligence".</summary>
    public string? ProducedBy { get; set; }

    /// <summary>Its objectives.</summary>
    public List<Objective> Objectives { get; set; } = [];

    /// <summary>Its indicators.</summary>
    public List<Indicator> Indicators { get; set; } = [];
}

/// <summary>An objective of a monitoring framework, e.g. "A. Promote healthy relationships".</summary>
public sealed class Objective
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The framework.</summary>
    public int FrameworkId { get; set; }

    /// <summary>The framework.</summary>
    public MonitoringFramework? Framework { get; set; }

    /// <summary>The code, e.g. "A".</summary>
    public required string Code { get; set; }

    /// <summary>The title.</summary>
    public required string Title { get; set; }

    /// <summary>Display order.</summary>
    public int Order { get; set; }

    /// <summary>Its indicators.</summary>
    public List<Indicator> Indicators { get; set; } = [];

    /// <summary>Its actions.</summary>
    public List<PlanAction> Actions { get; set; } = [];
}

/// <summary>An action of a strategy or objective, with its updates over time.</summary>
public sealed class PlanAction
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The strategy it belongs to.</summary>
    public int? StrategyId { get; set; }

    /// <summary>The strategy it belongs to.</summary>
    public Strategy? Strategy { get; set; }

    /// <summary>The objective it serves, when it has one.</summary>
    public int? ObjectiveId { get; set; }

    /// <summary>The objective it serves, when it has one.</summary>
    public Objective? Objective { get; set; }

    /// <summary>The title, e.g. "Domestic homicide review 3".</summary>
    public required string Title { get; set; }

    /// <summary>Who owns it.</summary>
    public string? Owner { get; set; }

    /// <summary>When it is due.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Its current status (the latest update's).</summary>
    public ActionStatus Status { get; set; }

    /// <summary>Its current RAG rating (the latest update's).</summary>
    public Rag Rag { get; set; }

    /// <summary>Its updates, oldest first.</summary>
    public List<ActionUpdate> Updates { get; set; } = [];
}

/// <summary>One update on an action: status and RAG as of a date, with a note.</summary>
public sealed class ActionUpdate
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The action.</summary>
    public int ActionId { get; set; }

    /// <summary>The action.</summary>
    public PlanAction? Action { get; set; }

    /// <summary>The date of the update.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Status as of the date.</summary>
    public ActionStatus Status { get; set; }

    /// <summary>RAG as of the date.</summary>
    public Rag Rag { get; set; }

    /// <summary>What happened (Markdown).</summary>
    public string? Text { get; set; }

    /// <summary>Who wrote it.</summary>
    public required string Author { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A narrative section (Markdown) of a plan or of a priority.</summary>
public sealed class NarrativeSection
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The plan, for a section of the plan itself.</summary>
    public int? PlanId { get; set; }

    /// <summary>The priority, for a section of a priority.</summary>
    public int? PriorityId { get; set; }

    /// <summary>Which section this is.</summary>
    public NarrativeKind Kind { get; set; }

    /// <summary>The heading.</summary>
    public required string Heading { get; set; }

    /// <summary>The text, in Markdown.</summary>
    public required string Markdown { get; set; }

    /// <summary>Display order.</summary>
    public int Order { get; set; }
}
