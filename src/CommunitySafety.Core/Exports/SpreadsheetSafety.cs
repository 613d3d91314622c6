using System.Globalization;

namespace CommunitySafety.Exports;

/// <summary>
/// The one rule for text written to CSV and .xlsx exports (OWASP "CSV injection"): a text cell beginning with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a leading apostrophe, so that a
/// spreadsheet shows it as text instead of running it as a formula (<c>=HYPERLINK("http://x","y")</c>, <c>+cmd|…</c>,
/// <c>@SUM(…)</c>). A number written as text (<c>-3.5</c>, <c>+1e3</c>) is left alone, so it stays a number.
/// </summary>
/// <remarks>
/// Every export calls <see cref="Neutralise"/> on its text cells: every CSV through the one CSV writer
/// (<see cref="CsvWriter"/>: the monitoring CSV export, the CLI's <c>ResultTable</c> CSV, the hot spot CSV, the web CSV
/// download, the police importer's rejects file) and the .xlsx exports (<c>Monitoring/Export/XlsxWriter</c>). Importers of files that the exports produce call
/// <see cref="Restore"/>, so an exported file re-imports to the same text.
/// </remarks>
public static class SpreadsheetSafety
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it).</summary>
    public const string TriggerCharacters = "=+-@\t\r";

    /// <summary>Whether a spreadsheet could read <paramref name="text"/> as a formula: it begins with a trigger and is not a number.</summary>
    /// <param name="text">A text cell's content.</param>
    /// <returns>True when <see cref="Neutralise"/> would change it.</returns>
    public static bool IsDangerous(ReadOnlySpan<char> text) =>
        !text.IsEmpty && TriggerCharacters.Contains(text[0], StringComparison.Ordinal) && !IsNumber(text);

    /// <summary>The text as it is safe to write into a CSV or .xlsx cell: with a leading apostrophe when <see cref="IsDangerous"/>.</summary>
    /// <param name="text">A text cell's content; null stays null.</param>
    /// <returns>The text, prefixed with <c>'</c> when needed.</returns>
    /// <remarks>Text that is already apostrophes followed by such text (<c>'=1</c>) gets one more, so that
    /// <see cref="Restore"/> gives back exactly what was written.</remarks>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Neutralise(string? text) => text is not null && NeedsApostrophe(text) ? "'" + text : text;

    /// <summary>
    /// Undoes <see cref="Neutralise"/> for text read back from an exported file: a leading apostrophe followed by a
    /// trigger character (and not then a number) is removed. Any other text is returned as it is.
    /// </summary>
    /// <param name="text">A cell read from a CSV or .xlsx file.</param>
    /// <returns>The text without the protective apostrophe.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && NeedsApostrophe(text.AsSpan(1)) ? text[1..] : text;

    /// <summary>Dangerous text behind any number of apostrophes.</summary>
    private static bool NeedsApostrophe(ReadOnlySpan<char> text) => IsDangerous(text.TrimStart('\''));

    private static bool IsNumber(ReadOnlySpan<char> text) =>
        text[0] is not ('\t' or '\r') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
