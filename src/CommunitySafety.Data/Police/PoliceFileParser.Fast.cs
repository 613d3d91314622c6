using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using CommunitySafety.Crime;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Police;

/// <summary>
/// The fast path of a counts-only street file: the UTF-8 bytes are split into lines and fields directly (no decoding to
/// UTF-16, no CSV reader), and each field value is checked by the same rules as <see cref="CheckStreetRow"/>
/// (<see cref="YearMonth.TryParse(ReadOnlySpan{char}, out YearMonth)"/>, <see cref="IsCoordinate"/>,
/// <see cref="IsLsoaCode"/>, <see cref="CrimeType.TryFind"/>) the first time that exact byte string is met, the verdict
/// remembered (<see cref="Utf8Memo"/>). Coordinates, nearly all different, pass a plain-decimal test that only accepts
/// what <see cref="IsCoordinate"/> accepts, and go to it otherwise.
/// </summary>
/// <remarks>
/// <para>It accepts only the plain case: the standard header, lines that are valid UTF-8 and far below the record limit,
/// twelve fields with at most simple quoting (<c>"…"</c> with no quote or line break inside), and every row good. On
/// anything else it gives up and the file is read again by the general path (Sep and the full checks), which makes the
/// errors; so the outcome for any file is the general path's, only faster for plain files.</para>
/// <para>The hot methods are compiled fully optimised at once (<see cref="MethodImplOptions.AggressiveOptimization"/>):
/// with tiered compilation and its profile-guided instrumentation, a national year took 4.4–5.5 CPU-s instead of 3.2–3.4.</para>
/// </remarks>
internal sealed partial class PoliceFileParser
{
    /// <summary>Bytes read at a time by the fast path (one buffer per worker thread).</summary>
    public const int FastBufferBytes = 1 << 20;

    private const int FastMaxLine = 1 << 16;
    private const int Fields = 12;

    private static readonly byte[] StandardStreetHeader = Encoding.ASCII.GetBytes(PoliceHeader.StandardStreet);
    private static readonly SearchValues<byte> FieldStops = SearchValues.Create(",\"\r"u8);

    /// <summary>Whether <see cref="Parse"/> read the file by the fast path.</summary>
    public bool ReadFast { get; private set; }

    /// <summary>
    /// Counts a street file by the fast path into <see cref="_counts"/>; false (and nothing kept) when the file is not
    /// plain, so that it must be read by the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCountFast(byte[] buffer)
    {
        using var stream = _source.Open();
        var counts = new MonthlyCounts();
        var memo = new FastMemo();
        long rows = 0, bytesRead = 0;
        int filled = 0, start = 0;
        var eof = false;
        var header = true;
        while (true)
        {
            if (start > 0)
            {
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                start = 0;
            }

            while (!eof && filled < buffer.Length)
            {
                var n = stream.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    eof = true;
                }

                filled += n;
                bytesRead += n;
            }

            var data = buffer.AsSpan(0, filled);
            var end = filled;
            if (!eof)
            {
                var last = data.LastIndexOf((byte)'\n');
                if (last < 0)
                {
                    return false;
                }

                end = last + 1;
            }

            // Whole lines only, so a character is never split; the general path names the byte that is not UTF-8.
            var region = data[..end];
            if (!Utf8.IsValid(region))
            {
                return false;
            }

            var pos = 0;
            if (header)
            {
                if (region.StartsWith("\uFEFF"u8))
                {
                    pos = 3;
                }

                var nl = region[pos..].IndexOf((byte)'\n');
                var line = nl < 0 ? region[pos..] : region.Slice(pos, nl);
                if (!line.TrimEnd((byte)'\r').SequenceEqual(StandardStreetHeader) || line.Length - StandardStreetHeader.Length > 1)
                {
                    return false;
                }

                pos = nl < 0 ? region.Length : pos + nl + 1;
                header = false;
            }

            while (pos < region.Length)
            {
                var rest = region[pos..];
                var nl = rest.IndexOf((byte)'\n');
                var line = nl < 0 ? rest : rest[..nl];
                pos += nl < 0 ? rest.Length : nl + 1;
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (line.IsEmpty)
                {
                    continue;
                }

                if (line.Length > FastMaxLine || !CountFastRow(line, counts, memo))
                {
                    return false;
                }

                if (++rows % ProgressEvery == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    _progress(bytesRead, rows);
                }
            }

            start = end;
            if (eof)
            {
                break;
            }
        }

        counts.Seal();
        // The one-month rule (CheckOneMonth): a file of several months, or not of its name's month, is left to the
        // general path, which names the rows.
        var months = counts.ForceMonths.Select(fm => fm.Key.Month).Distinct().ToList();
        if (months.Count > 1 || (months.Count == 1 && NameMonth(_source.FileName) is { } named && named.Index != months[0]))
        {
            return false;
        }

        Kind = PoliceFileKind.Street;
        ReadFast = true;
        _counts = counts;
        _parsedRows = rows;
        _progress(bytesRead, rows);
        return true;
    }

    /// <summary>One line of a plain street file; false when it is not plain or not good.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CountFastRow(ReadOnlySpan<byte> line, MonthlyCounts counts, FastMemo memo)
    {
        Span<Range> fields = stackalloc Range[Fields];
        return (SplitPlain(line, fields) || SplitQuoted(line, fields)) && CountFastFields(line, fields, counts, memo);
    }

    /// <summary>
    /// Splits a line with no quote and no carriage return into its twelve fields, 32 bytes at a time; false when the
    /// line has a quote or carriage return (for <see cref="SplitQuoted"/>) or not twelve fields.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SplitPlain(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var from = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(line);
            var comma = Vector256.Create((byte)',');
            var quote = Vector256.Create((byte)'"');
            var cr = Vector256.Create((byte)'\r');
            for (; i + Vector256<byte>.Count <= line.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                if ((Vector256.Equals(v, quote) | Vector256.Equals(v, cr)) != Vector256<byte>.Zero)
                {
                    return false;
                }

                for (var m = Vector256.Equals(v, comma).ExtractMostSignificantBits(); m != 0; m &= m - 1)
                {
                    if (count == Fields - 1)
                    {
                        return false;
                    }

                    var at = i + BitOperations.TrailingZeroCount(m);
                    fields[count++] = new Range(from, at);
                    from = at + 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            var b = line[i];
            if (b == (byte)',')
            {
                if (count == Fields - 1)
                {
                    return false;
                }

                fields[count++] = new Range(from, i);
                from = i + 1;
            }
            else if (b is (byte)'"' or (byte)'\r')
            {
                return false;
            }
        }

        fields[count] = new Range(from, line.Length);
        return count == Fields - 1;
    }

    /// <summary>Splits a line whose fields may be quoted simply (<c>"…"</c>, no quote inside); false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SplitQuoted(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var p = 0;
        for (var f = 0; f < Fields; f++)
        {
            if (p < line.Length && line[p] == (byte)'"')
            {
                var close = line[(p + 1)..].IndexOf((byte)'"');
                if (close < 0)
                {
                    return false;
                }

                var after = p + 1 + close + 1;
                fields[f] = new Range(p + 1, after - 1);
                if (after == line.Length)
                {
                    if (f != Fields - 1)
                    {
                        return false;
                    }

                    p = after;
                    break;
                }

                if (line[after] != (byte)',' || f == Fields - 1)
                {
                    return false;
                }

                p = after + 1;
                continue;
            }

            var stop = line[p..].IndexOfAny(FieldStops);
            if (stop < 0)
            {
                if (f != Fields - 1)
                {
                    return false;
                }

                fields[f] = new Range(p, line.Length);
                p = line.Length;
                break;
            }

            if (line[p + stop] != (byte)',' || f == Fields - 1)
            {
                return false;
            }

            fields[f] = new Range(p, p + stop);
            p += stop + 1;
        }

        return true;
    }

    /// <summary>Checks and counts the fields of one line; false when a value is not good.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CountFastFields(ReadOnlySpan<byte> line, ReadOnlySpan<Range> fields, MonthlyCounts counts, FastMemo memo)
    {
        var context = line[fields[11]];
        if (context.Length >= 7 && line[fields[0]].Length >= 8 && LooksLikeHeader(line[fields[0]], context))
        {
            // The general path skips a header repeated mid-file.
            return false;
        }

        var month = memo.Month(line[fields[1]]);
        var force = memo.Force(line[fields[2]], counts);
        var lon = Coordinate(line[fields[4]], 180);
        var lat = Coordinate(line[fields[5]], 90);
        if (month < 0 || force < 0 || lon < 0 || lat < 0 || lon != lat)
        {
            return false;
        }

        var lsoa = memo.Lsoa(line[fields[7]], line[fields[8]], counts);
        var type = memo.Type(line[fields[9]]);
        if (lsoa < 0 || type < 0)
        {
            return false;
        }

        counts.Add(force, lsoa, (byte)type, month);
        return true;
    }

    private static bool LooksLikeHeader(ReadOnlySpan<byte> first, ReadOnlySpan<byte> last)
    {
        var a = Encoding.UTF8.GetString(first).Trim();
        var b = Encoding.UTF8.GetString(last).Trim();
        return a.Equals("Crime ID", StringComparison.OrdinalIgnoreCase) && b.Equals("Context", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>1 for a good coordinate, 0 for none, -1 for a bad one (by <see cref="IsCoordinate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Coordinate(ReadOnlySpan<byte> s, int limit)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        // Plain decimals (-?d{1,3}.d+) within the limit are numbers IsCoordinate accepts; anything else is asked of it.
        var i = s[0] == (byte)'-' ? 1 : 0;
        var whole = 0;
        var digits = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9 && digits < 4)
        {
            whole = (whole * 10) + (s[i] - '0');
            digits++;
            i++;
        }

        if (digits is > 0 and < 4 && i < s.Length && s[i] == (byte)'.')
        {
            i++;
            var fraction = i;
            var nonZero = false;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                nonZero |= s[i] != (byte)'0';
                i++;
            }

            if (i == s.Length && i > fraction && (whole < limit || (whole == limit && !nonZero)))
            {
                return 1;
            }
        }

        return IsCoordinate(Encoding.UTF8.GetString(s), limit, out var value) ? (value.HasValue ? 1 : 0) : -1;
    }

    /// <summary>Verdicts on the few distinct values of a file's month, force, LSOA and crime type fields, by their bytes.</summary>
    private sealed class FastMemo
    {
        private readonly Utf8Memo _months = new();
        private readonly Utf8Memo _forces = new();
        private readonly Utf8Memo _lsoas = new();
        private readonly Dictionary<int, int> _lsoaNumbers = [];
        private readonly Utf8Memo _types = new();

        /// <summary>The month index, or -1 when not a month.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Month(ReadOnlySpan<byte> s) =>
            _months.GetOrAdd(s, 0, static (text, _) => YearMonth.TryParse(text, out var ym) ? ym.Index : -1);

        /// <summary>The file's number for the force, or -1 when empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Force(ReadOnlySpan<byte> s, MonthlyCounts counts) =>
            _forces.GetOrAdd(s, counts, static (text, counts) =>
            {
                var name = text.AsSpan().Trim();
                return name.IsEmpty ? -1 : counts.Force(name);
            });

        /// <summary>The file's number for the LSOA (0: none), or -1 when not an LSOA code.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Lsoa(ReadOnlySpan<byte> code, ReadOnlySpan<byte> name, MonthlyCounts counts)
        {
            // Bytes that read as E or W and eight digits are looked up by that number (no hashing of the bytes); the
            // verdict on a number not seen yet is still the general rule's, below.
            var number = Number(code);
            if (number >= 0)
            {
                if (_lsoaNumbers.TryGetValue(number, out var known))
                {
                    return known;
                }

                known = Lsoa(code, name, counts, memo: false);
                _lsoaNumbers[number] = known;
                return known;
            }

            return Lsoa(code, name, counts, memo: true);
        }

        private static int Number(ReadOnlySpan<byte> code)
        {
            if (code.Length != 9 || (code[0] != (byte)'E' && code[0] != (byte)'W'))
            {
                return -1;
            }

            var n = code[0] == (byte)'W' ? 1 : 0;
            for (var i = 1; i < 9; i++)
            {
                var d = (uint)(code[i] - '0');
                if (d > 9)
                {
                    return -1;
                }

                n = (n * 10) + (int)d;
            }

            return n;
        }

        private int Lsoa(ReadOnlySpan<byte> code, ReadOnlySpan<byte> name, MonthlyCounts counts, bool memo)
        {
            var index = 0;
            if (memo && _lsoas.TryGet(code, out index))
            {
                return index;
            }

            var text = Encoding.UTF8.GetString(code).AsSpan().Trim();
            if (text.IsEmpty)
            {
                index = 0;
            }
            else if (!IsLsoaCode(text))
            {
                index = -1;
            }
            else if (!counts.TryLsoa(text, out index))
            {
                // As the general path: the name of the first row with the code.
                index = counts.AddLsoa(text, Encoding.UTF8.GetString(name).AsSpan().Trim());
            }

            if (memo)
            {
                _lsoas.Add(code, index);
            }

            return index;
        }

        /// <summary>The crime type's id, or -1 when not a crime type.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Type(ReadOnlySpan<byte> s) =>
            _types.GetOrAdd(s, 0, static (text, _) => CrimeType.TryFind(text, out var type) ? type.Id : -1);
    }
}
