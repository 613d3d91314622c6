using System.Text;

namespace CommunitySafety.Data.Store;

/// <summary>
/// What the store accepts from the police.uk parsers (<c>Police/</c>), who check every field before handing rows over:
/// street rows in columnar chunks (<see cref="CrimeChunk"/>), outcome and stop-and-search records one at a time, and a
/// counts-only file's monthly counts (<see cref="MonthlyCounts"/>). Names (forces, LSOAs) are given as text; the store's
/// writer (<see cref="ForceMonthFile"/>) maps them to its keys.
/// </summary>
internal interface IPoliceRecordSink
{
    /// <summary>Takes one checked outcome record.</summary>
    void Append(in OutcomeRecord record);

    /// <summary>Takes one checked stop-and-search record.</summary>
    void Append(in StopSearchRecord record);
}

/// <summary>The names the store keeps for a police force: as written in "Reported by", without "Police" and so on, and police.uk's slug.</summary>
internal readonly record struct ForceNames(string Name, string ShortName, string Slug);

/// <summary>One checked row of an outcomes file (its <c>outcome</c> columns, force and LSOA as text).</summary>
internal readonly record struct OutcomeRecord(string Force, int Month, string? CrimeId, string? LsoaCode, string? LsoaName, float? Longitude,
    float? Latitude, string? Location, string OutcomeType, int Line);

/// <summary>One checked row of a stop-and-search file (its <c>stop_search</c> columns, force as text).</summary>
internal readonly record struct StopSearchRecord(string Force, int Month, string SearchType, DateTime OccurredAt, bool? PartOfOperation,
    string? Operation, float? Latitude, float? Longitude, string? Gender, string? AgeRange, string? SelfDefinedEthnicity,
    string? OfficerDefinedEthnicity, string? Legislation, string? ObjectOfSearch, string? Outcome, bool? OutcomeLinked,
    bool? RemovalOfMoreThanOuterClothing, int Line);

/// <summary>Parsed, checked street rows on their way from the reader thread to the appender.</summary>
internal sealed class CrimeChunk
{
    public const int Capacity = 8192;
    public const int TextsPerRow = 4;

    public string[] Force { get; } = new string[Capacity];

    public int[] Month { get; } = new int[Capacity];

    public byte[] Type { get; } = new byte[Capacity];

    public string?[] LsoaCode { get; } = new string?[Capacity];

    public string?[] LsoaName { get; } = new string?[Capacity];

    public float?[] Longitude { get; } = new float?[Capacity];

    public float?[] Latitude { get; } = new float?[Capacity];

    public int[] Line { get; } = new int[Capacity];

    /// <summary>Crime ID, location, last outcome and context of each row as UTF-8 (length -1: null).</summary>
    public byte[] Text { get; private set; } = new byte[Capacity * 200];

    public int[] TextStart { get; } = new int[Capacity * TextsPerRow];

    public int[] TextLength { get; } = new int[Capacity * TextsPerRow];

    public int Count { get; set; }

    private int _textCount;
    private int _textUsed;

    public bool IsFull => Count == Capacity;

    public void AddText(ReadOnlySpan<char> value)
    {
        var t = _textCount++;
        if (value.IsEmpty)
        {
            TextLength[t] = -1;
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_textUsed + max > Text.Length)
        {
            var bigger = new byte[Math.Max(Text.Length * 2, _textUsed + max)];
            Text.AsSpan(0, _textUsed).CopyTo(bigger);
            Text = bigger;
        }

        var n = Encoding.UTF8.GetBytes(value, Text.AsSpan(_textUsed));
        TextStart[t] = _textUsed;
        TextLength[t] = n;
        _textUsed += n;
    }

    public void Clear()
    {
        Count = 0;
        _textCount = 0;
        _textUsed = 0;
    }
}
