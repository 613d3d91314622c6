using CommunitySafety.Monitoring.Model;

namespace CommunitySafety.Monitoring.Progress;

/// <summary>One monitoring framework's progress for the period: every indicator judged, with its series and breakdowns.</summary>
/// <param name="Strategy">The strategy the framework belongs to.</param>
/// <param name="Framework">The framework (with its objectives and indicators).</param>
/// <param name="Indicators">Each indicator with a period to judge, in <see cref="Model.IndicatorOrder.UnassignedLast"/> order.</param>
public sealed record FrameworkProgress(Strategy Strategy, MonitoringFramework Framework, IReadOnlyList<IndicatorProgress> Indicators);
