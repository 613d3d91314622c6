using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CommunitySafety.SafeReading;

/// <summary>Where a file stops being UTF-8, to say so with its line when a strict UTF-8 reader fails.</summary>
public static class Utf8Check
{
    /// <summary>The first byte sequence of <paramref name="stream"/> that is not UTF-8, or null when it all is.</summary>
    /// <param name="stream">The file's bytes from the start (a UTF-8 byte-order mark is fine).</param>
    /// <returns>The byte offset, the 1-based line and the offending byte.</returns>
    public static (long Offset, int Line, byte Value)? FindFirstInvalid(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            long offset = 0;
            var line = 1;
            var kept = 0;
            while (true)
            {
                var n = stream.Read(buffer, kept, buffer.Length - kept);
                var final = n == 0;
                var span = buffer.AsSpan(0, kept + n);
                var start = 0;
                while (start < span.Length)
                {
                    var status = Utf8.ToUtf16(span[start..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    line += span.Slice(start, read).Count((byte)'\n');
                    offset += read;
                    start += read;
                    if (status == OperationStatus.InvalidData)
                    {
                        return (offset, line, span[start]);
                    }

                    if (status == OperationStatus.NeedMoreData)
                    {
                        break;
                    }
                }

                if (final)
                {
                    return null;
                }

                kept = span.Length - start;
                span[start..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A strict UTF-8 encoding (no BOM written) that throws on bytes that are not UTF-8, for reading imports.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The message for a file that is not UTF-8, naming the byte and its offset.</summary>
    /// <param name="offset">The byte offset.</param>
    /// <param name="value">The byte.</param>
    /// <returns>E.g. "byte 0xE9 at offset 120 is not UTF-8: save the file as 'CSV UTF-8' (Latin-1 / Windows-1252 text is not read)."</returns>
    public static string Message(long offset, byte value) =>
        $"byte 0x{value:X2} at offset {offset:N0} is not UTF-8: save the file as 'CSV UTF-8' (Latin-1 / Windows-1252 text is not read).";
}
