using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.SafeReading;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// Zip entries are read with their CRC-32 checked (docs/bad-input.md): a damaged entry is an error, never damaged text
/// imported; an encrypted entry is told apart. On an archive of Bedfordshire's real January 2024.
/// </summary>
public sealed class ZipEntryCheckTests : IDisposable
{
    private const string Entry = "2024-01/2024-01-bedfordshire-street.csv";

    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Archive(CompressionLevel level)
    {
        var zip = Path.Combine(_temp.Folder, $"police-{level}.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        archive.CreateEntryFromFile(Fixtures.BedfordshireStreet, Entry, level);
        return zip;
    }

    [Fact]
    public void Import_StoredEntryWithOneDigitChanged_RejectedAsDamaged_NothingImported()
    {
        var zip = Archive(CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(zip);
        // A digit of a coordinate deep in the data: still UTF-8, still a good row, only the CRC-32 can tell.
        var at = bytes.AsSpan().IndexOf(",52."u8) + 4;
        Assert.True(at > 100);
        bytes[at] = (byte)(bytes[at] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(zip, bytes);

        var ex = Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(zip));

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"{zip}!{Entry}", error.File);
        Assert.Contains("the zip entry is damaged: its CRC-32 is", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_DeflatedEntryWithBytesFlipped_RejectedAsDamaged(bool countsOnly)
    {
        var zip = Archive(CompressionLevel.Optimal);
        var bytes = File.ReadAllBytes(zip);
        var data = 30 + Entry.Length;
        for (var i = data + 2000; i < data + 2040; i++)
        {
            bytes[i] ^= 0x55;
        }

        File.WriteAllBytes(zip, bytes);

        var ex = Assert.Throws<ImportRejectedException>(() =>
            new PoliceImporter(_temp.Store).Import(zip, new PoliceImportOptions { CountsOnly = countsOnly }));

        Assert.Contains(ex.Errors, e => e.Message.StartsWith("the zip entry is damaged", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Errors, e => e.Message.Contains("unsupported compression method", StringComparison.Ordinal));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime_monthly"));
    }

    [Fact]
    public void Import_EncryptedEntry_SaysEncrypted_NotDamaged()
    {
        var zip = Archive(CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(zip);
        // The general-purpose flag's bit 0 (encrypted), in the local header (offset 6) and the central directory entry (offset 8).
        bytes[6] |= 1;
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        bytes[central + 8] |= 1;
        File.WriteAllBytes(zip, bytes);

        var ex = Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(zip));

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"{zip}!{Entry}", error.File);
        Assert.Contains("the zip entry is encrypted (password-protected)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_GoodArchive_Imported_AndCrc32MatchesThePublishedCheckValue()
    {
        // The CRC-32 check value of "123456789" (ISO-HDLC, as zip uses) is CBF43926.
        Assert.Equal(0xCBF43926u, CheckedZipEntry.Crc32(0, "123456789"u8));

        var summary = new PoliceImporter(_temp.Store).Import(Archive(CompressionLevel.Optimal));

        Assert.Equal(File.ReadLines(Fixtures.BedfordshireStreet).Skip(1).LongCount(l => l.Length > 0), summary.TotalRows);
    }
}
