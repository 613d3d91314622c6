using System.IO.Compression;

namespace CommunitySafety.SafeReading;

/// <summary>
/// Reads a zip entry checking what .NET's <see cref="ZipArchiveEntry.Open()"/> does not: the CRC-32 the archive records
/// for it (so a damaged entry is an error, never damaged text imported), and says plainly when the entry is
/// encrypted or its compressed data cannot be decompressed.
/// </summary>
public static class CheckedZipEntry
{
    /// <summary>Why the entry cannot be read at all (it is encrypted), or null.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>A sentence, or null.</returns>
    public static string? Unreadable(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsEncrypted
            ? "the zip entry is encrypted (password-protected), which the importer does not read: extract it with its password and import the CSV."
            : null;
    }

    /// <summary>
    /// Opens the entry; reading it to the end throws <see cref="InvalidDataException"/> when its bytes' CRC-32 differs
    /// from the archive's, and any failure to decompress is reported as a damaged entry.
    /// </summary>
    /// <param name="entry">The entry (not encrypted: see <see cref="Unreadable"/>).</param>
    /// <returns>The stream.</returns>
    public static Stream Open(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new CrcStream(entry.Open(), entry.Crc32);
    }

    /// <summary>Reads a stream to its end (checking the CRC-32 of a checked entry on the way).</summary>
    /// <param name="stream">The stream.</param>
    public static void Drain(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[1 << 16];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    /// <summary>CRC-32 (ISO-HDLC, the zip format's: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).</summary>
    private static readonly uint[] Table = MakeTable();

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }

    /// <summary>The CRC-32 of <paramref name="data"/> continued from <paramref name="crc"/> (start with 0).</summary>
    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private sealed class CrcStream(Stream inner, uint expected) : ReadOnlyForwardStream
    {
        private uint _crc;
        private bool _checked;

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                // .NET says "unsupported compression method" for corrupt deflate data too: not repeated, it misleads.
                throw new InvalidDataException(
                    "the zip entry is damaged: its compressed data cannot be decompressed (the archive was cut short or corrupted): download it again.", e);
            }

            if (n > 0)
            {
                _crc = Crc32(_crc, buffer[..n]);
            }
            else if (buffer.Length > 0 && !_checked)
            {
                _checked = true;
                if (_crc != expected)
                {
                    throw new InvalidDataException(
                        $"the zip entry is damaged: its CRC-32 is {_crc:X8} but the archive records {expected:X8} (corrupted in storage or transfer): download the archive again.");
                }
            }

            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
