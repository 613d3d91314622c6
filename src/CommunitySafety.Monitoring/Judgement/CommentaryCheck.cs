using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Judgement;

/// <summary>What kind of figure a piece of commentary quotes.</summary>
public enum ClaimKind
{
    /// <summary>A percentage change since the same period last year ("rose by 21%", "+15%", "down 11%", "17% (n121)").</summary>
    PercentChange,

    /// <summary>A change in the count since the same period last year ("(n121)", "+47").</summary>
    CountChange,

    /// <summary>The earlier and the current value ("170→196", "170 -> 196", "from 170 to 196").</summary>
    FromTo,
}

/// <summary>A figure quoted in commentary.</summary>
/// <param name="Kind">What it claims.</param>
/// <param name="Text">The words quoted, as written.</param>
/// <param name="Value">The figure (a percentage with its sign; a count change; the current value of a FromTo).</param>
/// <param name="Earlier">The earlier value of a FromTo.</param>
/// <param name="Decimals">The decimals written (a figure is compared at that precision).</param>
/// <param name="Signed">Whether the direction was given (rose/fell, up/down, + or −).</param>
public sealed record CommentaryClaim(ClaimKind Kind, string Text, double Value, double? Earlier, int Decimals, bool Signed);

/// <summary>A quoted figure that does not match the data.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Period">The period the figures were computed for.</param>
/// <param name="Claim">What the commentary says.</param>
/// <param name="Message">What the data say, in words for the author.</param>
public sealed record CommentaryMismatch(string IndicatorCode, ReportingPeriod Period, CommentaryClaim Claim, string Message);

/// <summary>
/// Checks figures quoted in commentary against the figures computed for the period the commentary names, so a
/// mismatch is flagged to the author on entry and listed before publication instead of being published.
/// </summary>
/// <remarks>
/// Parsing rules (documented in docs/methodology.md):
/// <list type="bullet">
/// <item>Period: the first period written in the text ("Q4 2025/26", "2025/26") if any, otherwise the commentary's own
/// period. A year for a quarterly count is judged on annual totals, as the year-end report does.</item>
/// <item>Percentage change: "rose/increased/up by N%", "fell/decreased/down/reduced by N%", "up N%", "down N%", "+N%",
/// "−N%"/"-N%", and "N% (nM)". It is compared with the percentage change since the same period last year, at the
/// precision written (21% matches 20.5 to 21.49…); a direction given must agree.</item>
/// <item>Count change: "(nM)" and "(+M)"/"(−M)": compared with the change in the count since the same period last year.</item>
/// <item>From → to: "A→B", "A->B", "from A to B": A is compared with last year's value and B with this period's.</item>
/// <item>Anything else (rates, targets, dates, plain numbers) is not checked: a number alone says nothing about what it is.</item>
/// </list>
/// </remarks>
public static partial class CommentaryCheck
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The figures quoted in <paramref name="text"/>, in order.</summary>
    /// <param name="text">The commentary.</param>
    /// <returns>The claims.</returns>
    public static IReadOnlyList<CommentaryClaim> Claims(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var claims = new List<(int At, CommentaryClaim Claim)>();
        var covered = new List<(int Start, int End)>();
        bool Free(Match m) => !covered.Any(c => m.Index < c.End && m.Index + m.Length > c.Start);
        void Add(Match m, CommentaryClaim claim)
        {
            covered.Add((m.Index, m.Index + m.Length));
            claims.Add((m.Index, claim));
        }

        foreach (Match m in PercentWithN().Matches(text))
        {
            var (percent, decimals) = Number(m.Groups["p"].Value);
            var signed = m.Groups["s"].Success;
            var sign = m.Groups["s"].Value is "-" or "−" ? -1 : 1;
            Add(m, new CommentaryClaim(ClaimKind.PercentChange, m.Value, sign * percent, null, decimals, signed));
            var (n, _) = Number(m.Groups["n"].Value);
            claims.Add((m.Index + 1, new CommentaryClaim(ClaimKind.CountChange, m.Value, n, null, 0, Signed: false)));
        }

        foreach (Match m in WordPercent().Matches(text))
        {
            if (!Free(m))
            {
                continue;
            }

            var (percent, decimals) = Number(m.Groups["p"].Value);
            var down = DownWord().IsMatch(m.Groups["w"].Value);
            Add(m, new CommentaryClaim(ClaimKind.PercentChange, m.Value, down ? -percent : percent, null, decimals, Signed: true));
        }

        foreach (Match m in SignedPercent().Matches(text))
        {
            if (Free(m))
            {
                var (percent, decimals) = Number(m.Groups["p"].Value);
                Add(m, new CommentaryClaim(ClaimKind.PercentChange, m.Value, m.Groups["s"].Value == "+" ? percent : -percent, null, decimals, Signed: true));
            }
        }

        foreach (Match m in FromTo().Matches(text))
        {
            if (Free(m))
            {
                var (a, _) = Number(m.Groups["a"].Value);
                var (b, decimals) = Number(m.Groups["b"].Value);
                Add(m, new CommentaryClaim(ClaimKind.FromTo, m.Value, b, a, decimals, Signed: false));
            }
        }

        foreach (Match m in SignedCount().Matches(text))
        {
            if (Free(m))
            {
                var (n, _) = Number(m.Groups["n"].Value);
                Add(m, new CommentaryClaim(ClaimKind.CountChange, m.Value, m.Groups["s"].Value == "+" ? n : -n, null, 0, Signed: true));
            }
        }

        return [.. claims.OrderBy(c => c.At).Select(c => c.Claim)];
    }

    /// <summary>The period a commentary's figures are for: the first period named in it, else <paramref name="own"/>.</summary>
    /// <param name="text">The commentary.</param>
    /// <param name="own">The commentary's own period.</param>
    /// <returns>The period, or null when there is none.</returns>
    public static ReportingPeriod? PeriodNamed(string text, ReportingPeriod? own)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in PeriodText().Matches(text))
        {
            if (ReportingPeriod.TryParse(m.Value, Invariant, out var p))
            {
                return p;
            }
        }

        return own;
    }

    /// <summary>The claims of <paramref name="text"/> that the judgement contradicts.</summary>
    /// <param name="text">The commentary.</param>
    /// <param name="judgement">The judgement of the period the commentary names.</param>
    /// <returns>The mismatches; empty when every quoted figure agrees (or none is quoted).</returns>
    public static IReadOnlyList<CommentaryMismatch> Compare(string text, IndicatorJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var change = judgement.SinceSamePeriodLastYear;
        var found = new List<CommentaryMismatch>();
        var pc = change.PercentChange ?? double.NaN;
        var cc = change.CountChange ?? double.NaN;
        foreach (var claim in Claims(text))
        {
            string? problem = claim.Kind switch
            {
                ClaimKind.PercentChange when change.PercentChange is null =>
                    $"the data give no change since {change.From} to compare with ({change.Note ?? "no value for one of the periods"})",
                ClaimKind.PercentChange when !Agrees(claim.Signed ? claim.Value : Math.Abs(claim.Value), claim.Signed ? pc : Math.Abs(pc), claim.Decimals) =>
                    $"the data give {Signed(pc, claim.Decimals)}% since {change.From} ({F(change.FromValue)} to {F(change.ToValue)})",
                ClaimKind.CountChange when change.CountChange is null =>
                    $"the data give no change in the count since {change.From} to compare with",
                ClaimKind.CountChange when !Agrees(claim.Signed ? claim.Value : Math.Abs(claim.Value), claim.Signed ? cc : Math.Abs(cc), 0) =>
                    $"the count changed by {Signed(cc, 0)} since {change.From} ({F(change.FromValue)} to {F(change.ToValue)})",
                ClaimKind.FromTo when change.FromValue is null || change.ToValue is null =>
                    $"the data have no value for {(change.ToValue is null ? judgement.Period : change.From)} to compare with",
                ClaimKind.FromTo when !Agrees(claim.Earlier!.Value, change.FromValue!.Value, claim.Decimals) || !Agrees(claim.Value, change.ToValue!.Value, claim.Decimals) =>
                    $"the data give {F(change.FromValue)} in {change.From} and {F(change.ToValue)} in {judgement.Period}",
                _ => null,
            };
            if (problem is not null)
            {
                found.Add(new CommentaryMismatch(judgement.IndicatorCode, judgement.Period, claim, $"\"{claim.Text.Trim()}\" does not match: {problem}."));
            }
        }

        return found;
    }

    /// <summary>Checks one commentary on an indicator against the figures for the period it names (working values).</summary>
    /// <param name="db">The monitoring store.</param>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="own">The commentary's period.</param>
    /// <param name="text">The commentary.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The mismatches.</returns>
    public static async Task<IReadOnlyList<CommentaryMismatch>> CheckAsync(
        MonitoringDbContext db, string indicatorCode, ReportingPeriod? own, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Claims(text).Count == 0 || PeriodNamed(text, own) is not { } period)
        {
            return [];
        }

        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == indicatorCode, cancellationToken).ConfigureAwait(false);
        if (indicator is null)
        {
            return [];
        }

        var judged = IndicatorStatusService.PeriodFor(indicator, period);
        var judgement = await new IndicatorStatusService(db).JudgeAsync(indicatorCode, judged, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Compare(text, judgement);
    }

    /// <summary>
    /// The pre-publication check: every commentary on an indicator (drafts and approved; for <paramref name="period"/>
    /// only, when given) whose quoted figures do not match the data.
    /// </summary>
    /// <param name="db">The monitoring store.</param>
    /// <param name="period">The report's period, or null for all.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The mismatches, by indicator.</returns>
    public static async Task<IReadOnlyList<CommentaryMismatch>> PrePublicationAsync(
        MonitoringDbContext db, ReportingPeriod? period = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var commentary = await db.Commentaries.AsNoTracking().InScope(ValueScope.Working).Where(c => c.IndicatorId != null)
            .Join(db.Indicators, c => c.IndicatorId, i => i.Id, (c, i) => new { i.Code, c.Period, c.Markdown })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<CommentaryMismatch>();
        foreach (var c in commentary.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            ReportingPeriod? own = ReportingPeriod.TryParse(c.Period, Invariant, out var p) ? p : null;
            if (period is { } wanted && own is { } o && !(o.FirstMonth >= wanted.FirstMonth && o.LastMonth <= wanted.LastMonth))
            {
                continue;
            }

            found.AddRange(await CheckAsync(db, c.Code, own, c.Markdown, cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    private static bool Agrees(double claimed, double computed, int decimals) =>
        Math.Abs(claimed - computed) <= 0.5 * Math.Pow(10, -decimals) + 1e-9;

    private static (double Value, int Decimals) Number(string text)
    {
        var clean = text.Replace(",", string.Empty, StringComparison.Ordinal);
        var dot = clean.IndexOf('.', StringComparison.Ordinal);
        return (double.Parse(clean, NumberStyles.Float, Invariant), dot < 0 ? 0 : clean.Length - dot - 1);
    }

    private static string Signed(double value, int decimals) =>
        (value > 0 ? "+" : value < 0 ? "−" : string.Empty) + Math.Abs(Math.Round(value, decimals)).ToString("N" + decimals.ToString(Invariant), CultureInfo.GetCultureInfo("en-GB"));

    private static string F(double? value) => value is { } v ? v.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB")) : "no value";

    [GeneratedRegex(@"(?<s>[+\-−])?(?<p>\d+(?:\.\d+)?)\s?%\s*\(\s*n\s*=?\s*(?<n>\d[\d,]*)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentWithN();

    [GeneratedRegex(@"\b(?<w>rose|risen|increased|went up|grew|up|fell|fallen|decreased|dropped|went down|reduced|down)(?:\s+by)?\s+(?<p>\d+(?:\.\d+)?)\s?%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordPercent();

    [GeneratedRegex(@"^(fell|fallen|decreased|dropped|went down|reduced|down)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DownWord();

    [GeneratedRegex(@"(?<![\w.])(?<s>[+\-−])(?<p>\d+(?:\.\d+)?)\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex SignedPercent();

    [GeneratedRegex(@"(?<a>\d[\d,]*(?:\.\d+)?)\s*(?:→|->|–>)\s*(?<b>\d[\d,]*(?:\.\d+)?)|\bfrom\s+(?<a>\d[\d,]*(?:\.\d+)?)\s+to\s+(?<b>\d[\d,]*(?:\.\d+)?)(?!\s*%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"\((?<s>[+\-−])(?<n>\d[\d,]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SignedCount();

    [GeneratedRegex(@"\bQ[1-4]\s+\d{4}/\d{2}\b|\b\d{4}/\d{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodText();
}
