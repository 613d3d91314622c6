using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Tests.Narrative;

/// <summary>Every narrative rule on constructed cases; the significance inputs come from the statistics engine.</summary>
public sealed class NarrativeRulesTests
{
    private static ChangeFacts Counts(string subject, long from, long to, bool small = false)
    {
        var change = PeriodChange.ForCounts(from, to);
        return new ChangeFacts
        {
            Subject = subject, Period = "2022/23", EarlierPeriod = "2021/22", Value = to, EarlierValue = from, Count = to, EarlierCount = from,
            Direction = change.Direction, Outcome = change.Outcome, PValue = change.PValue, SmallNumbers = small,
        };
    }

    [Fact]
    public void Change_SignificantIncrease_GivesCountsPercentAndSignificance()
    {
        var s = NarrativeRules.Change(Counts("Referrals to the ISVA service", 224, 271));
        Assert.Equal(NarrativeRule.SignificantIncrease, s.Rule);
        Assert.Equal("Referrals to the ISVA service rose by 21% (from 224 to 271, +47) compared with 2021/22; this is a statistically significant increase.", s.Text);
    }

    [Fact]
    public void Change_SmallNotSignificant_SaysWithinNormalVariation()
    {
        var s = NarrativeRules.Change(Counts("Knife-enabled violence", 173, 192, small: true));
        Assert.Equal(NarrativeRule.IncreaseWithinVariation, s.Rule);
        Assert.Equal("Knife-enabled violence rose by 11% (from 173 to 192, +19) compared with 2021/22; the numbers are small and the change is within normal variation.", s.Text);
    }

    [Fact]
    public void Change_SignificantDecrease_WithPolarity_SaysImprovement()
    {
        var change = PeriodChange.ForCounts(420, 300, Polarity.LowIsGood);
        var s = NarrativeRules.Change(Counts("Burglary", 420, 300) with { Direction = change.Direction, Outcome = change.Outcome });
        Assert.Equal(NarrativeRule.SignificantDecrease, s.Rule);
        Assert.Equal("Burglary fell by 29% (from 420 to 300, −120) compared with 2021/22; this is a statistically significant decrease and an improvement.", s.Text);
    }

    [Fact]
    public void Change_DecreaseNotSignificant_SaysNotSignificant()
    {
        var s = NarrativeRules.Change(Counts("Successful court outcomes", 305, 289));
        Assert.Equal(NarrativeRule.DecreaseWithinVariation, s.Rule);
        Assert.Equal("Successful court outcomes fell by 5% (from 305 to 289, −16) compared with 2021/22; the change is within normal variation (not statistically significant).", s.Text);
    }

    [Fact]
    public void Change_NoChange_SaysUnchanged()
    {
        var s = NarrativeRules.Change(Counts("Referrals", 40, 40));
        Assert.Equal(NarrativeRule.NoChange, s.Rule);
        Assert.Equal("Referrals was unchanged at 40 in 2022/23, the same as in 2021/22.", s.Text);
    }

    [Fact]
    public void Change_SmallNumbers_SignificantStillSaysSmall()
    {
        var s = NarrativeRules.Change(Counts("Domestic homicides", 1, 12, small: true));
        Assert.Equal(NarrativeRule.SignificantIncrease, s.Rule);
        Assert.EndsWith("this is a statistically significant increase, although the numbers are small.", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_MissingValue_SaysNoValueAndWhy()
    {
        var s = NarrativeRules.Change(new ChangeFacts { Subject = "Clients where abuse is identified", Period = "2021/22", EarlierPeriod = "2020/21", MissingReason = "Not available since 2017/18." });
        Assert.Equal(NarrativeRule.MissingData, s.Rule);
        Assert.Equal("Clients where abuse is identified: no value is available for 2021/22 (Not available since 2017/18).", s.Text);
    }

    [Fact]
    public void Change_MissingEarlierValue_SaysNothingToCompare()
    {
        var s = NarrativeRules.Change(new ChangeFacts { Subject = "Referrals", Period = "2022/23", EarlierPeriod = "2021/22", Value = 12 });
        Assert.Equal(NarrativeRule.MissingData, s.Rule);
        Assert.Equal("Referrals was 12 in 2022/23; there is no value for 2021/22 to compare with.", s.Text);
    }

    [Fact]
    public void Change_FirstYear_SaysFirstYearOfData()
    {
        var s = NarrativeRules.Change(new ChangeFacts { Subject = "Children offered Turnaround interventions", Period = "2023/24", Value = 61, IsFirstYear = true });
        Assert.Equal(NarrativeRule.FirstYear, s.Rule);
        Assert.Equal("Children offered Turnaround interventions was 61 in 2023/24; this is the first year of data, so there is no earlier year to compare with.", s.Text);
    }

    [Fact]
    public void Change_Suppressed_GivesNoNumbers()
    {
        var s = NarrativeRules.Change(Counts("Referrals from health providers", 9, 3) with { Suppressed = true });
        Assert.Equal(NarrativeRule.Suppressed, s.Rule);
        Assert.DoesNotContain("3", s.Text.Replace("2022/23", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("fewer than 5", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_Percentage_GivesPointsAndCounts()
    {
        var change = PeriodChange.ForProportions(294, 600, 284, 650, Polarity.LowIsGood);
        var s = NarrativeRules.Change(new ChangeFacts
        {
            Subject = "New clients with no mental health treatment", Period = "2022/23", EarlierPeriod = "2021/22", Value = 43.7, EarlierValue = 49.0,
            Count = 284, EarlierCount = 294, Denominator = 650, EarlierDenominator = 600, Format = ValueFormat.Percent, ValueIsCount = false,
            Direction = change.Direction, Outcome = change.Outcome,
        });
        Assert.StartsWith("New clients with no mental health treatment fell by 5.3 percentage points (from 49.0% to 43.7%; 294 of 600 to 284 of 650) compared with 2021/22;", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_NotComparable_SaysWhy()
    {
        var s = NarrativeRules.Change(Counts("Recorded crime", 27_000, 9_000) with { NotComparableReason = "2022/23 is a partial year (3 of 12 months)" });
        Assert.Equal(NarrativeRule.ChangeNotTested, s.Rule);
        Assert.Equal("Recorded crime was 9,000 in 2022/23; it is not compared with 2021/22 because 2022/23 is a partial year (3 of 12 months).", s.Text);
    }

    [Fact]
    public void Change_Untested_SaysCouldNotBeTested()
    {
        var s = NarrativeRules.Change(Counts("Satisfaction score", 70, 75) with { Direction = Direction.NotCompared });
        Assert.Equal(NarrativeRule.ChangeNotTested, s.Rule);
        Assert.EndsWith("it could not be tested for statistical significance.", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_StatesTheFinding()
    {
        Assert.Equal("Referrals to the ISVA service: up 21% on 2021/22 (statistically significant)", NarrativeRules.Headline(Counts("Referrals to the ISVA service", 224, 271)));
        Assert.Equal("Knife-enabled violence: up 11% on 2021/22 (within normal variation)", NarrativeRules.Headline(Counts("Knife-enabled violence", 173, 192)));
    }

    [Theory]
    [InlineData(TrendMarker.NoSignificantChange, "Over the five periods 2018/19 to 2022/23 there is no statistically significant trend in burglary.")]
    [InlineData(TrendMarker.IncreasingAndGettingWorse, "Over the five periods 2018/19 to 2022/23 burglary shows a statistically significant trend: increasing and getting worse.")]
    [InlineData(TrendMarker.CannotBeCalculated, "A recent trend for burglary cannot be calculated: it needs five consecutive periods with values.")]
    public void Trend_SaysMarker(TrendMarker marker, string expected) =>
        Assert.Equal(expected, NarrativeRules.Trend("Burglary", marker, "2018/19 to 2022/23").Text);

    [Fact]
    public void Spc_And_Benchmark_UseEngineStatuses()
    {
        Assert.Equal("The latest value is within its usual range (no unusual change); at this level the target will be met some of the time and missed at other times.",
            NarrativeRules.Spc(VariationStatus.CommonCause, AssuranceStatus.HitAndMiss).Text);
        Assert.Equal("First-time entrants (229.0 per 100,000) is significantly worse than England (148.0 per 100,000).",
            NarrativeRules.Benchmark("First-time entrants", "229.0 per 100,000", "England", "148.0 per 100,000", ComparisonOutcome.Worse).Text);
    }

    [Fact]
    public void Percent_RoundsAndHandlesTiny()
    {
        Assert.Equal("less than 1%", NarrativeRules.Percent(0.3));
        Assert.Equal("21%", NarrativeRules.Percent(-20.98));
    }
}

public sealed class MonthlyLevelRuleTests
{
    [Fact]
    public void MonthlyLevel_GivesAverageLowestHighestAndShare_AndSaysMonthsAreNotTested()
    {
        var s = NarrativeRules.MonthlyLevel("Luton", "2024/25", 1609.6, (1335, "Feb 2025"), (1871, "May 2024"), 36.2, "the Bedfordshire Police area");
        Assert.Equal(
            "In 2024/25 Luton recorded an average of 1,610 crimes a month, from 1,335 in Feb 2025 to 1,871 in May 2024; that is 36% of the crime recorded in the Bedfordshire Police area. "
            + "Month-to-month movements are not tested for significance here; the change between years is tested in the strategic assessment.", s.Text);
        Assert.Equal(NarrativeRule.Trend, s.Rule);
    }
}
