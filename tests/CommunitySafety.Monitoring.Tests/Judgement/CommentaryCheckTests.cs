using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Tests.Judgement;

/// <summary>Figures quoted in commentary, parsed and compared with a judgement (the issue's own examples).</summary>
public sealed class CommentaryCheckTests
{
    private static readonly Indicator Isva = new() { Code = "DA-B3", Title = "Referrals to the ISVA service", ValueType = IndicatorValueType.Count, Polarity = Polarity.NoJudgement, Frequency = ReportingFrequency.Quarterly };

    private static IndicatorJudgement YearEnd()
    {
        // Annual totals 700 → 821 (+121, +17.3%).
        var series = new List<IndicatorValue>
        {
            new() { AreaCode = "E06000032", EnteredBy = "a", Period = ReportingPeriod.Parse("2021/22"), Count = 700, Value = 700 },
            new() { AreaCode = "E06000032", EnteredBy = "a", Period = ReportingPeriod.Parse("2022/23"), Count = 821, Value = 821 },
        };
        return IndicatorJudge.Judge(Isva, series, ReportingPeriod.Parse("2022/23"));
    }

    [Fact]
    public void Claims_ReadsTheFormsPartnersWrite()
    {
        var claims = CommentaryCheck.Claims("Referrals rose by 21% to 267; +15% (170→196) in Q4; 17% (n121) over the year; down 3.5%; from 10 to 12.");
        Assert.Collection(claims,
            c => Assert.Equal((ClaimKind.PercentChange, 21.0, true), (c.Kind, c.Value, c.Signed)),
            c => Assert.Equal((ClaimKind.PercentChange, 15.0), (c.Kind, c.Value)),
            c => Assert.Equal((ClaimKind.FromTo, 196.0, (double?)170), (c.Kind, c.Value, c.Earlier)),
            c => Assert.Equal((ClaimKind.PercentChange, 17.0, false), (c.Kind, c.Value, c.Signed)),
            c => Assert.Equal((ClaimKind.CountChange, 121.0), (c.Kind, c.Value)),
            c => Assert.Equal((ClaimKind.PercentChange, -3.5, 1), (c.Kind, c.Value, c.Decimals)),
            c => Assert.Equal((ClaimKind.FromTo, 12.0, (double?)10), (c.Kind, c.Value, c.Earlier)));
    }

    [Fact]
    public void Compare_TheYearEndFiguresMatch_TheQuarterFiguresQuotedForTheYearDoNot()
    {
        var j = YearEnd();
        Assert.Empty(CommentaryCheck.Compare("Referrals were 17% (n121) higher than last year, 700→821.", j));

        var wrong = CommentaryCheck.Compare("Referrals were +15% (170→196) on last year and rose by 60%.", j);
        Assert.Equal(3, wrong.Count);
        Assert.Contains(wrong, m => m.Claim.Kind == ClaimKind.PercentChange && m.Message.Contains("+17%", StringComparison.Ordinal));
        Assert.Contains(wrong, m => m.Claim.Kind == ClaimKind.FromTo && m.Message.Contains("700", StringComparison.Ordinal));
        Assert.Contains(CommentaryCheck.Compare("Referrals fell by 17%.", j), m => m.Claim.Signed);
    }

    [Fact]
    public void PeriodNamed_IsTheFirstPeriodInTheText_OrTheCommentarysOwn()
    {
        var own = ReportingPeriod.Parse("Q4 2022/23");
        Assert.Equal(ReportingPeriod.Parse("2022/23"), CommentaryCheck.PeriodNamed("Over 2022/23 referrals rose by 17%", own));
        Assert.Equal(own, CommentaryCheck.PeriodNamed("Referrals rose by 17%", own));
    }
}
