namespace CommunitySafety.Assessment.StopSearch;

/// <summary>Which ethnicity of a search is used.</summary>
public enum EthnicityDefinition
{
    /// <summary>The person's own answer (police.uk "Self-defined ethnicity", 18+1 categories), grouped to the 5 broad groups.</summary>
    SelfDefined,

    /// <summary>The officer's view (police.uk "Officer-defined ethnicity": Asian, Black, White, Other; officers do not record Mixed).</summary>
    OfficerDefined,
}

/// <summary>The Census 2021 broad ethnic groups, and how police.uk ethnicity text maps to them.</summary>
public static class EthnicGroups
{
    /// <summary>Asian, Asian British or Asian Welsh.</summary>
    public const string Asian = "Asian";

    /// <summary>Black, Black British, Black Welsh, Caribbean or African.</summary>
    public const string Black = "Black";

    /// <summary>Mixed or Multiple ethnic groups.</summary>
    public const string Mixed = "Mixed";

    /// <summary>White (the reference group of disproportionality ratios, as the Home Office uses).</summary>
    public const string White = "White";

    /// <summary>Other ethnic group.</summary>
    public const string Other = "Other";

    /// <summary>Not stated or not recorded: no denominator, so no rate.</summary>
    public const string NotStated = "Not stated or not recorded";

    /// <summary>The five groups with Census denominators, in display order.</summary>
    public static IReadOnlyList<string> Broad { get; } = [Asian, Black, Mixed, White, Other];

    /// <summary>
    /// The broad group of a police.uk ethnicity: self-defined "White - Irish" → White, "Asian/Asian British - Pakistani" →
    /// Asian, "Black/African/Caribbean/Black British - African" → Black, "Mixed/Multiple ethnic groups - …" → Mixed,
    /// "Other ethnic group - Arab" → Other, "Other ethnic group - Not stated" or blank → not stated; officer-defined
    /// "White", "Asian", "Black", "Mixed", "Other" → themselves.
    /// </summary>
    public static string Of(string text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0 || t.Contains("Not stated", StringComparison.OrdinalIgnoreCase))
        {
            return NotStated;
        }

        var head = t.Split(" - ", 2)[0].Trim();
        if (head.StartsWith("White", StringComparison.OrdinalIgnoreCase))
        {
            return White;
        }

        if (head.StartsWith("Asian", StringComparison.OrdinalIgnoreCase))
        {
            return Asian;
        }

        if (head.StartsWith("Black", StringComparison.OrdinalIgnoreCase))
        {
            return Black;
        }

        if (head.StartsWith("Mixed", StringComparison.OrdinalIgnoreCase))
        {
            return Mixed;
        }

        return head.StartsWith("Other", StringComparison.OrdinalIgnoreCase) ? Other : NotStated;
    }
}
