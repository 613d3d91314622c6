using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;
using ScottPlot;

namespace CommunitySafety.Reports.Charts;

/// <summary>
/// Draws a <see cref="ReportChart"/> with ScottPlot: SVG for HTML, PDF and the web; PNG for Word. The SVG carries the
/// chart's title and text alternative (<c>title</c>, <c>desc</c>, <c>role="img"</c>).
/// </summary>
public static partial class ChartRenderer
{
    /// <summary>Default width in pixels.</summary>
    public const int Width = 720;

    /// <summary>Default height in pixels.</summary>
    public const int Height = 360;

    private const string FontName = "DejaVu Sans";

    /// <summary>The chart as an accessible SVG element.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>SVG markup.</returns>
    public static string ToSvg(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (width, height) = SizeOf(chart.Spec);
        var plot = Build(chart.Spec);
        MarkPatternsForSvg(plot);
        var svg = DashMarkedStrokes(plot.GetSvgXml(width, height));
        return MakeAccessible(svg, chart, width, height);
    }

    /// <summary>Alpha given to a dashed line's colour while it is drawn as SVG (see <see cref="MarkPatternsForSvg"/>).</summary>
    private const byte DashedAlpha = 254;

    /// <summary>Alpha given to a dotted line's colour while it is drawn as SVG.</summary>
    private const byte DottedAlpha = 253;

    /// <summary>
    /// SkiaSharp's SVG canvas cannot write dash patterns (it drops them and prints "Unsupported path effect"), so
    /// dashed and dotted lines would come out solid, and a chart whose text says "dashed" would not show it. Before the
    /// SVG is drawn each patterned line is made solid with a marker alpha; <see cref="DashMarkedStrokes"/> then turns
    /// that alpha into a <c>stroke-dasharray</c>. PNG (Word) draws the patterns itself and is not affected.
    /// </summary>
    private static void MarkPatternsForSvg(Plot plot)
    {
        foreach (var line in plot.GetPlottables().OfType<IHasLine>())
        {
            var style = line.LineStyle;
            if (style.Pattern.Equals(LinePattern.Solid))
            {
                continue;
            }

            var alpha = style.Pattern.Equals(LinePattern.Dotted) ? DottedAlpha : DashedAlpha;
            style.Color = style.Color.WithAlpha(alpha);
            style.Pattern = LinePattern.Solid;
        }
    }

    /// <summary>Replaces the marker alphas of <see cref="MarkPatternsForSvg"/> with dash arrays.</summary>
    private static string DashMarkedStrokes(string svg) => MarkedOpacity().Replace(svg, m =>
        m.Groups[1].Value.StartsWith("0.996", StringComparison.Ordinal) ? "stroke-dasharray=\"7 4\"" : "stroke-dasharray=\"2 3\"");

    [GeneratedRegex("stroke-opacity=\"(0\\.99[26][0-9]*)\"")]
    private static partial Regex MarkedOpacity();

    /// <summary>The chart as PNG bytes (for Word).</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="scale">Pixel density (2 for print quality).</param>
    /// <returns>PNG bytes and the size in CSS pixels.</returns>
    public static (byte[] Png, int Width, int Height) ToPng(ReportChart chart, float scale = 2)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (width, height) = SizeOf(chart.Spec);
        var plot = Build(chart.Spec);
        plot.ScaleFactor = scale;
        var bytes = plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
        return (bytes, width, height);
    }

    /// <summary>The drawing size of a chart in pixels.</summary>
    /// <param name="spec">The chart.</param>
    /// <returns>Width and height.</returns>
    public static (int Width, int Height) SizeOf(ChartSpec spec) => spec switch
    {
        BarChartSpec bars => (Width, Math.Max(200, 70 + (bars.Bars.Count * 26))),
        SpineChartSpec spine => (Width, Math.Max(200, 70 + (spine.Rows.Count * 26))),
        _ => (Width, Height),
    };

    internal static Plot Build(ChartSpec spec)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Color(Color.FromHex(Palette.DarkGrey));
        plot.Grid.MajorLineColor = Color.FromHex("#E6E6E6");
        switch (spec)
        {
            case LineChartSpec line:
                Line(plot, line);
                FromZero(plot, line);
                break;
            case BarChartSpec bar:
                Bars(plot, bar);
                break;
            case SpcChartSpec spc:
                Spc(plot, spc);
                FromZero(plot, spc);
                break;
            case FunnelChartSpec funnel:
                Funnel(plot, funnel);
                break;
            case SpineChartSpec spine:
                Spine(plot, spine);
                break;
            default:
                throw new ArgumentException($"No renderer for {spec.GetType().Name}.", nameof(spec));
        }

        plot.Axes.Left.Label.Text = spec.YLabel;
        plot.Axes.Bottom.Label.Text = spec.XLabel;
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>A sentence for a chart whose value axis does not start at zero; null when it does.</summary>
    /// <param name="spec">The chart.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? AxisNote(ChartSpec spec) =>
        spec is LineChartSpec or SpcChartSpec && !spec.AxisFromZero ? "Note: the vertical axis does not start at zero, so differences look larger than they are." : null;

    /// <summary>Starts the value axis at zero (keeping the automatic top) unless the chart says otherwise.</summary>
    private static void FromZero(Plot plot, ChartSpec spec)
    {
        if (!spec.AxisFromZero)
        {
            return;
        }

        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        if (limits.Bottom >= 0)
        {
            plot.Axes.SetLimitsY(0, Math.Max(limits.Top, 1) * 1.04);
        }
    }

    private static void Line(Plot plot, LineChartSpec spec)
    {
        var xs = Enumerable.Range(0, spec.Categories.Count).Select(i => (double)i).ToArray();
        if (spec.ReferenceLine is { } reference)
        {
            var h = plot.Add.HorizontalLine(reference);
            h.Color = Color.FromHex(Palette.MidGrey);
            h.LineWidth = 1;
            h.LinePattern = LinePattern.Dotted;
        }

        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var color = Color.FromHex(Palette.Series[s % Palette.Series.Count]);
            var first = true;
            foreach (var run in Runs(series.Values))
            {
                var scatter = plot.Add.Scatter(run.Select(i => xs[i]).ToArray(), run.Select(i => series.Values[i]!.Value).ToArray());
                scatter.Color = color;
                scatter.LineWidth = s == 0 ? 3 : 2;
                scatter.MarkerSize = s == 0 ? 7 : 5;
                scatter.MarkerShape = s == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
                scatter.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                if (first)
                {
                    scatter.LegendText = series.Name;
                    first = false;
                }
            }
        }

        CategoryTicks(plot.Axes.Bottom, spec.Categories);
        plot.Axes.SetLimitsX(-0.3, Math.Max(1, spec.Categories.Count - 1) + 0.3);
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Bars(Plot plot, BarChartSpec spec)
    {
        var n = spec.Bars.Count;
        var max = 0.0;
        for (var i = 0; i < n; i++)
        {
            var bar = spec.Bars[i];
            var y = n - 1 - i;
            if (bar.Value is not { } v)
            {
                continue;
            }

            var rect = plot.Add.Rectangle(0, v, y - 0.32, y + 0.32);
            rect.FillStyle.Color = Color.FromHex(OutcomeColour(bar.Outcome, bar.Highlight));
            rect.LineStyle.Width = bar.Highlight ? 2 : 0;
            rect.LineStyle.Color = Color.FromHex(Palette.DarkGrey);
            max = Math.Max(max, v);
            if (bar.Lower95 is { } lo && bar.Upper95 is { } hi)
            {
                var ci = plot.Add.Line(lo, y, hi, y);
                ci.Color = Color.FromHex(Palette.DarkGrey);
                ci.LineWidth = 2;
                foreach (var end in new[] { lo, hi })
                {
                    var cap = plot.Add.Line(end, y - 0.15, end, y + 0.15);
                    cap.Color = Color.FromHex(Palette.DarkGrey);
                    cap.LineWidth = 2;
                }

                max = Math.Max(max, hi);
            }
        }

        if (spec.Benchmark is { } benchmark)
        {
            var line = plot.Add.VerticalLine(benchmark);
            line.Color = Color.FromHex(Palette.DarkPink);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{spec.BenchmarkLabel} ({benchmark.ToString("N1", CultureInfo.GetCultureInfo("en-GB"))})";
            max = Math.Max(max, benchmark);
            plot.ShowLegend(Edge.Bottom);
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < n; i++)
        {
            ticks.AddMajor(n - 1 - i, spec.Bars[i].Label);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimits(0, max * 1.08, -0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
    }

    private static void Spc(Plot plot, SpcChartSpec spec)
    {
        var points = spec.Spc.Points;
        var xs = points.Select((_, i) => (double)i).ToArray();
        Step(plot, xs, points.Select(p => (double?)p.Mean).ToArray(), Palette.DarkGrey, LinePattern.Solid, 1.5f, "Average");
        Step(plot, xs, points.Select(p => p.UpperProcessLimit).ToArray(), Palette.MidGrey, LinePattern.Dashed, 1.5f, "Usual range");
        Step(plot, xs, points.Select(p => p.LowerProcessLimit).ToArray(), Palette.MidGrey, LinePattern.Dashed, 1.5f, null);
        if (spec.Spc.Target is { } target)
        {
            var t = plot.Add.HorizontalLine(target);
            t.Color = Color.FromHex(Palette.DarkPink);
            t.LinePattern = LinePattern.Dotted;
            t.LineWidth = 2;
            t.LegendText = "Target";
        }

        var line = plot.Add.Scatter(xs, points.Select(p => p.Value).ToArray());
        line.Color = Color.FromHex(Palette.MidGrey);
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;

        foreach (var group in points.GroupBy(p => VariationColour(p.Variation)))
        {
            var dots = plot.Add.Scatter(group.Select(p => xs[p.Index]).ToArray(), group.Select(p => p.Value).ToArray());
            dots.LineWidth = 0;
            dots.MarkerSize = 8;
            dots.MarkerShape = group.Key.Shape;
            dots.Color = Color.FromHex(group.Key.Colour);
            dots.LegendText = group.Key.Name;
        }

        CategoryTicks(plot.Axes.Bottom, spec.Labels);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, points.Count - 1) + 0.5);
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Funnel(Plot plot, FunnelChartSpec spec)
    {
        var maxN = spec.Points.Count == 0 ? 1 : spec.Points.Max(p => p.Denominator) * 1.1;
        var minN = spec.Points.Count == 0 ? 1 : Math.Max(1, spec.Points.Min(p => p.Denominator) * 0.5);
        var ns = Enumerable.Range(0, 80).Select(i => minN + ((maxN - minN) * i / 79.0)).ToArray();
        var limits = ns.Select(n => spec.LimitsAt?.Invoke(n) ?? FunnelPlot.RateLimits(spec.Target, n, spec.Multiplier)).ToArray();
        var centre = plot.Add.HorizontalLine(spec.Target);
        centre.Color = Color.FromHex(Palette.DarkPink);
        centre.LineWidth = 2;
        centre.LegendText = spec.TargetLabel;
        Curve(plot, ns, limits.Select(l => l.Upper95).ToArray(), Palette.MidGrey, LinePattern.Dashed, "95% limits");
        Curve(plot, ns, limits.Select(l => l.Lower95).ToArray(), Palette.MidGrey, LinePattern.Dashed, null);
        Curve(plot, ns, limits.Select(l => l.Upper998).ToArray(), Palette.DarkGrey, LinePattern.Solid, "99.8% limits");
        Curve(plot, ns, limits.Select(l => l.Lower998).ToArray(), Palette.DarkGrey, LinePattern.Solid, null);

        var others = spec.Points.Where(p => !p.Highlight).ToArray();
        if (others.Length > 0)
        {
            var dots = plot.Add.Scatter(others.Select(p => p.Denominator).ToArray(), others.Select(p => p.Value).ToArray());
            dots.LineWidth = 0;
            dots.MarkerSize = 7;
            dots.Color = Color.FromHex(Palette.Turquoise);
            dots.LegendText = "Other areas";
        }

        foreach (var p in spec.Points.Where(p => p.Highlight))
        {
            var dot = plot.Add.Scatter(new[] { p.Denominator }, new[] { p.Value });
            dot.LineWidth = 0;
            dot.MarkerSize = 12;
            dot.MarkerShape = MarkerShape.FilledDiamond;
            dot.Color = Color.FromHex(Palette.DarkBlue);
            dot.LegendText = p.Label;
        }

        plot.ShowLegend(Edge.Bottom);
    }

    private static void Spine(Plot plot, SpineChartSpec spec)
    {
        // Each row is scaled so the benchmark sits at the centre (0) and the farthest of min/max/value at ±1, as
        // Fingertips' spine charts do.
        var n = spec.Rows.Count;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < n; i++)
        {
            var row = spec.Rows[i];
            var y = n - 1 - i;
            var centre = row.Benchmark ?? ((row.Minimum + row.Maximum) / 2);
            var reach = new[] { row.Minimum, row.Maximum, row.Value ?? centre }.Max(v => Math.Abs(v - centre));
            reach = reach <= 0 ? 1 : reach;
            double X(double v) => (v - centre) / reach;
            var range = plot.Add.Rectangle(X(row.Minimum), X(row.Maximum), y - 0.3, y + 0.3);
            range.FillStyle.Color = Color.FromHex("#EEEEEE");
            range.LineStyle.Width = 0;
            var box = plot.Add.Rectangle(X(row.Percentile25), X(row.Percentile75), y - 0.3, y + 0.3);
            box.FillStyle.Color = Color.FromHex("#BDBDBD");
            box.LineStyle.Width = 0;
            if (row.Value is { } value)
            {
                var dot = plot.Add.Scatter(new[] { X(value) }, new[] { (double)y });
                dot.LineWidth = 0;
                dot.MarkerSize = 11;
                dot.Color = Color.FromHex(OutcomeColour(row.Outcome, highlight: false));
                dot.MarkerShape = MarkerShape.FilledCircle;
            }

            ticks.AddMajor(y, row.Label);
        }

        var centreLine = plot.Add.VerticalLine(0);
        centreLine.Color = Color.FromHex(Palette.DarkPink);
        centreLine.LineWidth = 2;
        centreLine.LegendText = spec.BenchmarkLabel;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([-1, 0, 1], ["Lowest", spec.BenchmarkLabel, "Highest"]);
        plot.Axes.SetLimits(-1.1, 1.1, -0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Curve(Plot plot, double[] xs, double[] ys, string colour, LinePattern pattern, string? legend)
    {
        var keep = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(ys[i])).ToArray();
        var curve = plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray());
        curve.Color = Color.FromHex(colour);
        curve.LinePattern = pattern;
        curve.LineWidth = 1.5f;
        curve.MarkerSize = 0;
        if (legend is not null)
        {
            curve.LegendText = legend;
        }
    }

    private static void Step(Plot plot, double[] xs, double?[] ys, string colour, LinePattern pattern, float width, string? legend)
    {
        var first = true;
        foreach (var run in Runs(ys))
        {
            var scatter = plot.Add.Scatter(run.Select(i => xs[i]).ToArray(), run.Select(i => ys[i]!.Value).ToArray());
            scatter.Color = Color.FromHex(colour);
            scatter.LinePattern = pattern;
            scatter.LineWidth = width;
            scatter.MarkerSize = 0;
            if (first && legend is not null)
            {
                scatter.LegendText = legend;
                first = false;
            }
        }
    }

    private static IEnumerable<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && double.IsFinite(v))
            {
                run.Add(i);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        // Wide labels (months, "Dec 2023") need more room than short ones (years): at most about 8 of them fit.
        var fit = labels.Count > 0 && labels.Max(l => l.Length) > 7 ? 8 : 12;
        var step = labels.Count > fit ? (int)Math.Ceiling(labels.Count / (double)fit) : 1;
        for (var i = 0; i < labels.Count; i++)
        {
            if (i % step == 0)
            {
                ticks.AddMajor(i, labels[i]);
            }
        }

        axis.TickGenerator = ticks;
    }

    internal static string OutcomeColour(ComparisonOutcome outcome, bool highlight) => outcome switch
    {
        ComparisonOutcome.Better or ComparisonOutcome.Best => Palette.DarkBlue,
        ComparisonOutcome.Worse or ComparisonOutcome.Worst => Palette.Orange,
        ComparisonOutcome.Higher or ComparisonOutcome.Lower => Palette.LightPurple,
        ComparisonOutcome.Similar => highlight ? Palette.Turquoise : Palette.Turquoise,
        _ => Palette.MidGrey,
    };

    private static (string Colour, MarkerShape Shape, string Name) VariationColour(VariationStatus variation) => variation switch
    {
        VariationStatus.ImprovingHigh or VariationStatus.ImprovingLow => (Palette.DarkBlue, MarkerShape.FilledCircle, "Unusual: improving"),
        VariationStatus.ConcerningHigh or VariationStatus.ConcerningLow => (Palette.Orange, MarkerShape.FilledSquare, "Unusual: a concern"),
        VariationStatus.NeitherHigh or VariationStatus.NeitherLow => (Palette.LightPurple, MarkerShape.FilledTriangleUp, "Unusual"),
        VariationStatus.CommonCause => (Palette.MidGrey, MarkerShape.FilledCircle, "Within usual range"),
        _ => (Palette.MidGrey, MarkerShape.OpenCircle, "Too few points to judge"),
    };

    private static string MakeAccessible(string svg, ReportChart chart, int width, int height)
    {
        var id = "chart-" + chart.Id;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = svg.IndexOf('>', start);
        var openTag = svg[start..close];
        openTag = SizeAttributes().Replace(openTag, string.Empty);
        openTag += $" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\"";
        var head = $"<title id=\"{id}-title\">{Escape(chart.Title)}</title><desc id=\"{id}-desc\">{Escape(chart.Description)}</desc>";
        return openTag + ">" + head + svg[(close + 1)..];
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex("\\s(width|height|viewBox)=\"[^\"]*\"")]
    private static partial Regex SizeAttributes();
}
