namespace CommunitySafety.Statistics;

/// <summary>Special-cause rules of an XmR chart (flags).</summary>
[Flags]
public enum SpecialCauseRules
{
    /// <summary>No rule fired.</summary>
    None = 0,

    /// <summary>A point beyond a process limit (astronomical point).</summary>
    BeyondLimits = 1,

    /// <summary>Part of a run of points on one side of the mean (a shift).</summary>
    Shift = 2,

    /// <summary>Part of a run of points each rising (or each falling).</summary>
    Trend = 4,

    /// <summary>One of two (or three) out of three consecutive points beyond 2σ on the same side.</summary>
    TwoOfThree = 8,
}

/// <summary>Variation of a point or of the series (NHS England "Making Data Count" icons).</summary>
public enum VariationStatus
{
    /// <summary>Too few points for limits to be shown.</summary>
    InsufficientData = 0,

    /// <summary>Common cause variation: no special cause.</summary>
    CommonCause = 1,

    /// <summary>Special cause, improving, high values.</summary>
    ImprovingHigh = 2,

    /// <summary>Special cause, improving, low values.</summary>
    ImprovingLow = 3,

    /// <summary>Special cause, concerning, high values.</summary>
    ConcerningHigh = 4,

    /// <summary>Special cause, concerning, low values.</summary>
    ConcerningLow = 5,

    /// <summary>Special cause, high, for a measure with no improvement direction.</summary>
    NeitherHigh = 6,

    /// <summary>Special cause, low, for a measure with no improvement direction.</summary>
    NeitherLow = 7,
}

/// <summary>Assurance of meeting a target (Making Data Count).</summary>
public enum AssuranceStatus
{
    /// <summary>No target, no improvement direction, or too few points.</summary>
    NotApplicable = 0,

    /// <summary>The target lies beyond the process limits on the good side: the process will consistently meet it.</summary>
    ConsistentlyMet = 1,

    /// <summary>The target lies beyond the process limits on the bad side: the process will consistently fail it.</summary>
    ConsistentlyFailed = 2,

    /// <summary>The target lies within the process limits: it will be met some of the time.</summary>
    HitAndMiss = 3,
}

/// <summary>What a point flagged both as improving (by one rule) and concerning (by another) is shown as.</summary>
public enum SpecialCauseConflict
{
    /// <summary>Improvement takes precedence.</summary>
    Improvement = 0,

    /// <summary>Concern takes precedence.</summary>
    Concern = 1,

    /// <summary>The side of the mean the point is on decides.</summary>
    SideOfMean = 2,
}

/// <summary>Options for <see cref="XmrChart"/>; start from <see cref="MakingDataCount"/> or <see cref="NhsrPlotTheDots"/>.</summary>
public readonly record struct SpcOptions
{
    /// <summary>Defaults of NHS England's Making Data Count tool: shift 6, trend 6, 13 points, beyond-3σ points not counted in two-of-three.</summary>
    public static SpcOptions MakingDataCount { get; } = new()
    {
        ShiftLength = 6,
        TrendLength = 6,
        MinimumPoints = 13,
        ScreenMovingRanges = false,
        BeyondLimitsCountInTwoOfThree = false,
        Conflict = SpecialCauseConflict.Improvement,
    };

    /// <summary>Conventions of the R package NHSRplotthedots: shift 7, trend 7, 12 points, moving ranges above 3.267 mR̄ screened out.</summary>
    public static SpcOptions NhsrPlotTheDots { get; } = new()
    {
        ShiftLength = 7,
        TrendLength = 7,
        MinimumPoints = 12,
        ScreenMovingRanges = true,
        BeyondLimitsCountInTwoOfThree = true,
        Conflict = SpecialCauseConflict.SideOfMean,
    };

    /// <summary>Points in a run on one side of the mean that make a shift.</summary>
    public int ShiftLength { get; init; }

    /// <summary>Points each rising (or each falling) that make a trend.</summary>
    public int TrendLength { get; init; }

    /// <summary>Points needed (in the baseline) before limits are shown and rules applied.</summary>
    public int MinimumPoints { get; init; }

    /// <summary>Whether moving ranges above 3.267 mR̄ are left out of mR̄ (the limits are then recalculated).</summary>
    public bool ScreenMovingRanges { get; init; }

    /// <summary>Whether points beyond the process limits count towards two-of-three beyond 2σ.</summary>
    public bool BeyondLimitsCountInTwoOfThree { get; init; }

    /// <summary>How a point flagged both improving and concerning is shown.</summary>
    public SpecialCauseConflict Conflict { get; init; }
}

/// <summary>One point of an XmR chart.</summary>
/// <param name="Index">Position in the series.</param>
/// <param name="Value">The value.</param>
/// <param name="MovingRange">|value − previous value| within the segment; null for a segment's first point.</param>
/// <param name="Mean">Centre line.</param>
/// <param name="LowerProcessLimit">Mean − 2.66 mR̄; null when too few points.</param>
/// <param name="UpperProcessLimit">Mean + 2.66 mR̄.</param>
/// <param name="LowerTwoSigma">Mean − ⅔ × 2.66 mR̄.</param>
/// <param name="UpperTwoSigma">Mean + ⅔ × 2.66 mR̄.</param>
/// <param name="HighRules">Rules that flag this point as unusually high.</param>
/// <param name="LowRules">Rules that flag this point as unusually low.</param>
/// <param name="Variation">The point's variation status.</param>
public sealed record SpcPoint(
    int Index,
    double Value,
    double? MovingRange,
    double Mean,
    double? LowerProcessLimit,
    double? UpperProcessLimit,
    double? LowerTwoSigma,
    double? UpperTwoSigma,
    SpecialCauseRules HighRules,
    SpecialCauseRules LowRules,
    VariationStatus Variation);

/// <summary>An analysed XmR chart.</summary>
/// <param name="Points">Every point with its limits and flags.</param>
/// <param name="Variation">The series' variation status: that of the most recent point.</param>
/// <param name="Assurance">Assurance against the target, from the most recent limits.</param>
/// <param name="Target">The target, if any.</param>
/// <param name="Improvement">Which direction is improvement.</param>
public sealed record XmrResult(
    IReadOnlyList<SpcPoint> Points, VariationStatus Variation, AssuranceStatus Assurance, double? Target, Polarity Improvement);

/// <summary>
/// Statistical process control with XmR (individuals and moving range) charts, as NHS England's "Making Data Count".
/// </summary>
/// <remarks>
/// <para>Mean x̄ and average moving range mR̄ = mean of |xᵢ − xᵢ₋₁| over the baseline; process limits x̄ ± 2.66 mR̄
/// (3σ with σ = mR̄/1.128); 2σ lines at x̄ ± ⅔ × 2.66 mR̄. Special cause: a point beyond a limit; a shift of
/// <see cref="SpcOptions.ShiftLength"/> points on one side of the mean (a point on the mean breaks it); a trend of
/// <see cref="SpcOptions.TrendLength"/> points each rising or each falling (an equal value breaks it); two of three
/// consecutive points beyond 2σ on the same side, with all three points on that side of the mean (a window that
/// straddles the mean is not a signal). Assurance: the target against the process limits.</para>
/// <para>Source: NHS England / NHS Improvement, "Making Data Count" (2019) and "Making Data Count: Strengthening your
/// decisions" (2021), and the Making Data Count SPC tool; Wheeler DJ, Understanding Variation (2000);
/// NHSRplotthedots (NHS-R Community) for the alternative preset.</para>
/// <para>Worked number: the series 10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11 has mean 11.3846,
/// mR̄ = 1.4167, process limits 7.6163 to 15.1529.</para>
/// </remarks>
public static class XmrChart
{
    /// <summary>The scaling constant 3/d₂ = 3/1.128 ≈ 2.66.</summary>
    public const double LimitFactor = 2.66;

    /// <summary>Moving ranges above this multiple of mR̄ are screened out under <see cref="SpcOptions.ScreenMovingRanges"/>.</summary>
    public const double MovingRangeScreenFactor = 3.267;

    /// <summary>Analyses a series, oldest first.</summary>
    /// <param name="values">The series; NaN is not allowed.</param>
    /// <param name="improvement">Which direction is improvement (HighIsGood = up, LowIsGood = down, NoJudgement).</param>
    /// <param name="options">Rule settings, e.g. <see cref="SpcOptions.MakingDataCount"/>.</param>
    /// <param name="target">Optional target for the assurance status.</param>
    /// <param name="recalculateAt">Indexes at which the limits are recalculated (a new segment starts).</param>
    /// <param name="baselineLength">Limits of each segment computed from its first this-many points (then fixed); all points when null.</param>
    /// <returns>The chart.</returns>
    public static XmrResult Analyse(
        IReadOnlyList<double> values,
        Polarity improvement,
        SpcOptions options,
        double? target = null,
        IReadOnlyList<int>? recalculateAt = null,
        int? baselineLength = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options.ShiftLength < 2 || options.TrendLength < 2 || options.MinimumPoints < 2)
        {
            throw new ArgumentException("Shift and trend lengths and the minimum number of points must be at least 2.", nameof(options));
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite numbers; leave missing periods out.", nameof(values));
            }
        }

        var starts = new SortedSet<int> { 0 };
        foreach (var index in recalculateAt ?? [])
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(recalculateAt));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Math.Max(values.Count, 1), nameof(recalculateAt));
            starts.Add(index);
        }

        var points = new List<SpcPoint>(values.Count);
        var boundaries = starts.ToList();
        boundaries.Add(values.Count);
        Segment? last = null;
        for (var s = 0; s + 1 < boundaries.Count; s++)
        {
            var segment = AnalyseSegment(values, boundaries[s], boundaries[s + 1], improvement, options, baselineLength);
            points.AddRange(segment.Points);
            last = segment;
        }

        var variation = points.Count == 0 ? VariationStatus.InsufficientData : points[^1].Variation;
        var assurance = Assurance(last, target, improvement);
        return new XmrResult(points, variation, assurance, target, improvement);
    }

    private sealed record Segment(List<SpcPoint> Points, double? Lower, double? Upper);

    private static Segment AnalyseSegment(
        IReadOnlyList<double> values, int start, int end, Polarity improvement, SpcOptions options, int? baselineLength)
    {
        var length = end - start;
        var baseline = Math.Min(baselineLength ?? length, length);
        var x = new double[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = values[start + i];
        }

        var mean = baseline > 0 ? x.AsSpan(0, baseline).ToArray().Average() : 0;
        var ranges = new List<double>(Math.Max(baseline - 1, 0));
        for (var i = 1; i < baseline; i++)
        {
            ranges.Add(Math.Abs(x[i] - x[i - 1]));
        }

        var shown = baseline >= options.MinimumPoints && ranges.Count > 0;
        double? lpl = null, upl = null, l2 = null, u2 = null;
        var high = new SpecialCauseRules[length];
        var low = new SpecialCauseRules[length];
        if (shown)
        {
            var averageRange = ranges.Average();
            if (options.ScreenMovingRanges)
            {
                var screened = ranges.Where(r => r <= MovingRangeScreenFactor * averageRange).ToList();
                if (screened.Count > 0)
                {
                    averageRange = screened.Average();
                }
            }

            lpl = mean - (LimitFactor * averageRange);
            upl = mean + (LimitFactor * averageRange);
            l2 = mean - (LimitFactor * 2 / 3 * averageRange);
            u2 = mean + (LimitFactor * 2 / 3 * averageRange);
            FlagBeyondLimits(x, lpl.Value, upl.Value, high, low);
            FlagShifts(x, mean, options.ShiftLength, high, low);
            FlagTrends(x, options.TrendLength, high, low);
            FlagTwoOfThree(x, mean, l2.Value, u2.Value, lpl.Value, upl.Value, options.BeyondLimitsCountInTwoOfThree, high, low);
        }

        var points = new List<SpcPoint>(length);
        for (var i = 0; i < length; i++)
        {
            var status = shown ? Classify(high[i], low[i], x[i], mean, improvement, options.Conflict) : VariationStatus.InsufficientData;
            points.Add(new SpcPoint(
                start + i, x[i], i > 0 ? Math.Abs(x[i] - x[i - 1]) : null, mean, lpl, upl, l2, u2, high[i], low[i], status));
        }

        return new Segment(points, lpl, upl);
    }

    private static void FlagBeyondLimits(double[] x, double lower, double upper, SpecialCauseRules[] high, SpecialCauseRules[] low)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] > upper)
            {
                high[i] |= SpecialCauseRules.BeyondLimits;
            }
            else if (x[i] < lower)
            {
                low[i] |= SpecialCauseRules.BeyondLimits;
            }
        }
    }

    private static void FlagShifts(double[] x, double mean, int shiftLength, SpecialCauseRules[] high, SpecialCauseRules[] low)
    {
        var i = 0;
        while (i < x.Length)
        {
            var side = Math.Sign(x[i] - mean);
            var j = i;
            while (j < x.Length && Math.Sign(x[j] - mean) == side)
            {
                j++;
            }

            if (side != 0 && j - i >= shiftLength)
            {
                var flags = side > 0 ? high : low;
                for (var k = i; k < j; k++)
                {
                    flags[k] |= SpecialCauseRules.Shift;
                }
            }

            i = j;
        }
    }

    private static void FlagTrends(double[] x, int trendLength, SpecialCauseRules[] high, SpecialCauseRules[] low)
    {
        // A run of k rising steps covers k + 1 points.
        var i = 0;
        while (i < x.Length - 1)
        {
            var direction = Math.Sign(x[i + 1] - x[i]);
            var j = i + 1;
            while (j < x.Length && Math.Sign(x[j] - x[j - 1]) == direction)
            {
                j++;
            }

            if (direction != 0 && j - i >= trendLength)
            {
                var flags = direction > 0 ? high : low;
                for (var k = i; k < j; k++)
                {
                    flags[k] |= SpecialCauseRules.Trend;
                }
            }

            i = direction == 0 ? j : j - 1;
        }
    }

    // Two of three consecutive points beyond a 2σ line, all three on that side of the mean (Making Data Count: a window
    // that straddles the mean is not a signal).
    private static void FlagTwoOfThree(
        double[] x, double mean, double lower2, double upper2, double lower, double upper, bool countBeyondLimits, SpecialCauseRules[] high, SpecialCauseRules[] low)
    {
        bool IsHigh(int i) => x[i] > upper2 && (countBeyondLimits || x[i] <= upper);
        bool IsLow(int i) => x[i] < lower2 && (countBeyondLimits || x[i] >= lower);
        bool Above(int i) => x[i] > mean;
        bool Below(int i) => x[i] < mean;
        for (var i = 0; i + 2 < x.Length; i++)
        {
            Flag(i, IsHigh, Above, high);
            Flag(i, IsLow, Below, low);
        }

        static void Flag(int i, Func<int, bool> near, Func<int, bool> sameSide, SpecialCauseRules[] flags)
        {
            var count = 0;
            for (var k = i; k < i + 3; k++)
            {
                if (!sameSide(k))
                {
                    return;
                }

                count += near(k) ? 1 : 0;
            }

            if (count >= 2)
            {
                for (var k = i; k < i + 3; k++)
                {
                    if (near(k))
                    {
                        flags[k] |= SpecialCauseRules.TwoOfThree;
                    }
                }
            }
        }
    }

    private static VariationStatus Classify(
        SpecialCauseRules high, SpecialCauseRules low, double value, double mean, Polarity improvement, SpecialCauseConflict conflict)
    {
        var isHigh = high != SpecialCauseRules.None;
        var isLow = low != SpecialCauseRules.None;
        if (!isHigh && !isLow)
        {
            return VariationStatus.CommonCause;
        }

        if (isHigh && isLow)
        {
            var highIsImprovement = PolarityRules.IsImprovement(Direction.Higher, improvement);
            isHigh = conflict switch
            {
                SpecialCauseConflict.Improvement when highIsImprovement is { } h => h,
                SpecialCauseConflict.Concern when highIsImprovement is { } h => !h,
                _ => value >= mean,
            };
        }

        var direction = isHigh ? Direction.Higher : Direction.Lower;
        return PolarityRules.IsImprovement(direction, improvement) switch
        {
            true => isHigh ? VariationStatus.ImprovingHigh : VariationStatus.ImprovingLow,
            false => isHigh ? VariationStatus.ConcerningHigh : VariationStatus.ConcerningLow,
            null => isHigh ? VariationStatus.NeitherHigh : VariationStatus.NeitherLow,
        };
    }

    private static AssuranceStatus Assurance(Segment? segment, double? target, Polarity improvement)
    {
        if (target is not { } t || segment?.Lower is not { } lower || segment.Upper is not { } upper)
        {
            return AssuranceStatus.NotApplicable;
        }

        return PolarityRules.Assurance(t, lower, upper, improvement);
    }
}
