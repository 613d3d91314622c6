namespace CommunitySafety.Reports.Model;

/// <summary>A generated sentence and the narrative rule that produced it (so a test can hold each rule to its words).</summary>
/// <param name="Text">The sentence, ending with a full stop.</param>
/// <param name="Rule">The rule that produced it.</param>
public sealed record Sentence(string Text, NarrativeRule Rule);

/// <summary>The narrative rules, one per kind of sentence (see <c>Narrative/NarrativeRules</c>).</summary>
public enum NarrativeRule
{
    /// <summary>No value for the period.</summary>
    MissingData,

    /// <summary>A value with no earlier period to compare with (first year of data).</summary>
    FirstYear,

    /// <summary>A count withheld by disclosure control.</summary>
    Suppressed,

    /// <summary>The same value as the earlier period.</summary>
    NoChange,

    /// <summary>A statistically significant increase.</summary>
    SignificantIncrease,

    /// <summary>A statistically significant decrease.</summary>
    SignificantDecrease,

    /// <summary>An increase within normal variation.</summary>
    IncreaseWithinVariation,

    /// <summary>A decrease within normal variation.</summary>
    DecreaseWithinVariation,

    /// <summary>A change that could not be tested.</summary>
    ChangeNotTested,

    /// <summary>The recent trend marker.</summary>
    Trend,

    /// <summary>SPC variation and assurance.</summary>
    Spc,

    /// <summary>The comparison with a benchmark.</summary>
    Benchmark,
}
