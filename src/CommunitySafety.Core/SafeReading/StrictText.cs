using System.Text;

namespace CommunitySafety.SafeReading;

/// <summary>
/// Opens an imported file as text, strictly: UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order
/// mark, and bytes that are not text in that encoding throw <see cref="DecoderFallbackException"/>. A known binary
/// format (a PDF, a picture, a gzip file, a zip or workbook: <see cref="FileSignature"/>) throws
/// <see cref="MalformedInputException"/> naming it.
/// </summary>
/// <remarks>
/// <see cref="StreamReader"/>'s own byte-order-mark detection swaps the encoding it was given for a lenient one
/// (<see cref="Encoding.UTF8"/>, which replaces bad bytes with U+FFFD) when it finds a mark, so a Latin-1 file saved with
/// a UTF-8 mark was read with its bad bytes silently replaced. Here the mark is read first and the reader is given a
/// strict encoding of that kind, with detection off (the reader still skips the mark, as it is the encoding's preamble).
/// </remarks>
public static class StrictText
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);

    /// <summary>A strict reader of <paramref name="stream"/> from its current position.</summary>
    /// <param name="stream">The file's bytes (need not be seekable: a zip entry).</param>
    /// <param name="bufferSize">The reader's buffer size in bytes.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <returns>The reader.</returns>
    public static StreamReader Open(Stream stream, int bufferSize = 1 << 16, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[FileSignature.Length];
        var n = 0;
        while (n < head.Length && stream.Read(head, n, head.Length - n) is var read and > 0)
        {
            n += read;
        }

        if (FileSignature.Describe(head.AsSpan(0, n)) is { } binary)
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw new MalformedInputException(0, FileSignature.Message(binary));
        }

        var encoding = n >= 2 && head[0] == 0xFF && head[1] == 0xFE ? Utf16Le
            : n >= 2 && head[0] == 0xFE && head[1] == 0xFF ? Utf16Be
            : Utf8;
        return new StreamReader(new PrefixedStream(head.AsMemory(0, n), stream, leaveOpen), encoding, detectEncodingFromByteOrderMarks: false, bufferSize);
    }

    /// <summary>A read-only stream of some bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner, bool leaveOpen) : ReadOnlyForwardStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return inner.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
