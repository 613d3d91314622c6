namespace CommunitySafety.SafeReading;

/// <summary>
/// A text reader for CSV that refuses a record longer than <see cref="InputLimits.MaxRecordChars"/> (by throwing
/// <see cref="MalformedInputException"/> with the line the record starts on), so a file with a 50 MB field, a quote
/// left open, or no line breaks at all cannot make the CSV parser buffer all of it.
/// </summary>
/// <remarks>Quotes are counted as the CSV parser does (each one toggles quoting), so a line break inside a quoted field
/// does not end the record.</remarks>
public sealed class BoundedCsvReader : TextReader
{
    private readonly TextReader _inner;
    private readonly int _maxRecordChars;
    private int _line = 1;
    private int _recordLine = 1;
    private long _recordChars;
    private bool _inQuotes;

    /// <summary>Wraps <paramref name="inner"/>; disposing this reader disposes it.</summary>
    /// <param name="inner">The text to read.</param>
    /// <param name="maxRecordChars">The longest record allowed; by default <see cref="InputLimits.MaxRecordChars"/>.</param>
    public BoundedCsvReader(TextReader inner, int maxRecordChars = InputLimits.MaxRecordChars)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordChars);
        _inner = inner;
        _maxRecordChars = maxRecordChars;
    }

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        var n = _inner.Read(buffer);
        if (n == 0 && !buffer.IsEmpty && _inQuotes)
        {
            throw UnclosedQuote();
        }

        Scan(buffer[..n]);
        return n;
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read()
    {
        var c = _inner.Read();
        if (c < 0 && _inQuotes)
        {
            throw UnclosedQuote();
        }

        if (c >= 0)
        {
            Span<char> one = [(char)c];
            Scan(one);
        }

        return c;
    }

    /// <inheritdoc/>
    public override int Peek() => _inner.Peek();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Scan(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny('"', '\n');
            if (next < 0)
            {
                _recordChars += text.Length;
                Check();
                return;
            }

            _recordChars += next + 1;
            Check();
            if (text[next] == '"')
            {
                _inQuotes = !_inQuotes;
            }
            else
            {
                _line++;
                if (!_inQuotes)
                {
                    _recordChars = 0;
                    _recordLine = _line;
                }
            }

            text = text[(next + 1)..];
        }
    }

    private MalformedInputException UnclosedQuote() => new(_recordLine,
        $"a quoted field in the record starting on line {_recordLine} is never closed: the file was cut short, or a quote is out of place.");

    private void Check()
    {
        if (_recordChars > _maxRecordChars)
        {
            throw new MalformedInputException(_recordLine, _inQuotes
                ? $"the record starting on line {_recordLine} runs on for more than {_maxRecordChars:N0} characters inside a quoted field: a quote left open, or not a CSV file."
                : $"line {_recordLine} is longer than {_maxRecordChars:N0} characters: not a CSV file of this kind (the limit is {_maxRecordChars:N0}).");
        }
    }
}
