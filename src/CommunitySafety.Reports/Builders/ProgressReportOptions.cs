using CommunitySafety.Assessment;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// What the board progress report needs beyond the plan's progress (which names the plan and the period,
/// <see cref="PlanProgress"/>): the meeting, the variant and the assessment.
/// </summary>
public sealed record ProgressReportOptions
{
    /// <summary>Title of meeting.</summary>
    public string MeetingTitle { get; init; } = "Community Safety Partnership Board";

    /// <summary>Date of meeting.</summary>
    public DateOnly MeetingDate { get; init; }

    /// <summary>Report by (name and role).</summary>
    public string ReportBy { get; init; } = "Community Safety Partnership analyst";

    /// <summary>Wards affected.</summary>
    public string WardsAffected { get; init; } = "All wards";

    /// <summary>True for an "information only" item.</summary>
    public bool InformationOnly { get; init; } = true;

    /// <summary>Who requested the report, if anyone.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Who signed the report.</summary>
    public string? SignedBy { get; init; }

    /// <summary>Background documents.</summary>
    public IReadOnlyList<BackgroundDocument> BackgroundDocuments { get; init; } = [];

    /// <summary>Internal or published.</summary>
    public ReportVariant Variant { get; init; }

    /// <summary>
    /// The values and commentary the variant shows, in which the plan's progress must be read
    /// (<see cref="ProgressRequest.Scope"/>): approved only for the published variant, drafts too (marked) inside.
    /// </summary>
    public ValueScope Scope => Variant == ReportVariant.Published ? ValueScope.Published : ValueScope.Working;

    /// <summary>The disclosure threshold for indicators that name none.</summary>
    public int DefaultDisclosureThreshold { get; init; } = Disclosure.SmallCountSuppression.DefaultThreshold;

    /// <summary>The latest strategic assessment of the partnership's area (overall crime trend, matrix, key messages); optional.</summary>
    public AssessmentResult? Assessment { get; init; }

    /// <summary>Monthly recorded crime of the area and a comparator, charted when the assessment has too few complete years for a yearly trend; optional.</summary>
    public MonthlyTrend? RecentTrend { get; init; }

    /// <summary>
    /// Why the assessment has no previous assessment to compare its ranking with (said under the scoring matrix); a
    /// general sentence when null.
    /// </summary>
    public string? NoPreviousAssessmentReason { get; init; }

    /// <summary>Gi* hot spot maps of place-based priorities (see <see cref="HotspotReportMap"/>), shown in the review of priorities; none when empty.</summary>
    public IReadOnlyList<ReportMap> HotspotMaps { get; init; } = [];
}
