using System.Globalization;
using System.Text;
using CsCheck;

namespace CommunitySafety.Data.Tests.Malformed;

/// <summary>One change to a file's bytes; <see cref="At"/> is where, as a fraction of the length.</summary>
/// <param name="Kind">What is done (see <see cref="CsvMutations.Apply"/>).</param>
/// <param name="At">Where, from 0 (the start) to 1 (the end).</param>
/// <param name="Value">A byte to write or insert.</param>
/// <param name="Length">A length, for huge fields and repeated bytes.</param>
public sealed record CsvMutation(int Kind, double At, byte Value, int Length);

/// <summary>A real file's first rows and the changes made to them: what the fuzz tests feed to an importer.</summary>
/// <param name="Seed">Which of the valid seed files.</param>
/// <param name="Rows">How many of its data rows are kept.</param>
/// <param name="Mutations">The changes, applied in order.</param>
public sealed record FuzzInput(int Seed, int Rows, CsvMutation[] Mutations)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"seed file {Seed}, {Rows} rows, " + string.Join("; ", Mutations.Select(m => $"{CsvMutations.Names[m.Kind]} at {m.At:0.####} (0x{m.Value:X2}, {m.Length:N0})"));
}

/// <summary>
/// Random mutations of valid rows for fuzzing the CSV importers: byte flips, truncation, quotes inserted, delimiters
/// swapped, huge fields, bytes that are not UTF-8, lines deleted or repeated.
/// </summary>
public static class CsvMutations
{
    /// <summary>The mutation kinds, by <see cref="CsvMutation.Kind"/>.</summary>
    public static readonly string[] Names =
        ["flip byte", "truncate", "insert quote", "comma to semicolon", "comma to tab", "huge field", "insert byte", "delete line", "repeat line", "insert line break"];

    /// <summary>Inputs: one of <paramref name="seeds"/> seed files, 1–40 of its rows, 1–4 mutations (a huge field in about one in ten).</summary>
    public static Gen<FuzzInput> Inputs(int seeds) =>
        Gen.Select(Gen.Int[0, seeds - 1], Gen.Int[1, 40], Mutation.Array[1, 4], (s, r, m) => new FuzzInput(s, r, m));

    private static Gen<CsvMutation> Mutation { get; } =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Double[0, 1], Gen.Byte, Gen.Int[1, 2_000_000], (k, a, v, l) => new CsvMutation(k, a, v, l));

    /// <summary>The header and the first <paramref name="rows"/> data rows of a file, as bytes.</summary>
    public static byte[] Head(string path, int rows)
    {
        var lines = File.ReadLines(path).Take(rows + 1);
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    /// <summary>The header and the first <paramref name="rows"/> data rows of a file's bytes.</summary>
    public static byte[] Head(byte[] bytes, int rows)
    {
        var end = 0;
        for (var line = 0; line <= rows && end < bytes.Length; line++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', end);
            end = next < 0 ? bytes.Length : next + 1;
        }

        return bytes[..end];
    }

    /// <summary>The seed's bytes with the input's mutations applied.</summary>
    public static byte[] Apply(byte[] seed, FuzzInput input)
    {
        var bytes = new List<byte>(seed);
        foreach (var m in input.Mutations)
        {
            var at = Math.Clamp((int)(m.At * bytes.Count), 0, bytes.Count);
            switch (m.Kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = m.Value;
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.Insert(at, (byte)'"');
                    break;
                case 3 or 4:
                    var comma = bytes.IndexOf((byte)',', at);
                    if (comma >= 0)
                    {
                        bytes[comma] = m.Kind == 3 ? (byte)';' : (byte)'\t';
                    }

                    break;
                case 5:
                    // A huge field: up to two million characters, some of them commas or quotes now and then.
                    var field = new byte[m.Length];
                    Array.Fill(field, (byte)'x');
                    if (m.Value % 3 == 0)
                    {
                        field[m.Length / 2] = (byte)'"';
                    }

                    bytes.InsertRange(at, field);
                    break;
                case 6:
                    bytes.Insert(at, m.Value);
                    break;
                case 7 or 8:
                    var start = at == 0 ? 0 : bytes.LastIndexOf((byte)'\n', at - 1) + 1;
                    var end = bytes.IndexOf((byte)'\n', start);
                    end = end < 0 ? bytes.Count : end + 1;
                    if (m.Kind == 7)
                    {
                        bytes.RemoveRange(start, end - start);
                    }
                    else
                    {
                        bytes.InsertRange(start, bytes.GetRange(start, end - start));
                    }

                    break;
                case 9:
                    bytes.Insert(at, (byte)'\n');
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>
    /// How a fuzz test runs: in CI, <paramref name="ciIterations"/> iterations from a fixed seed (a few seconds, the
    /// same inputs every run, so CI cannot fail at random); with CSP_FUZZ_SECONDS set (bench/fuzz.sh), that many
    /// seconds from a random seed.
    /// </summary>
    public static (long Iterations, int Seconds, string? Seed) Budget(long ciIterations) =>
        int.TryParse(Environment.GetEnvironmentVariable("CSP_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0
            ? (-1, s, null)
            : (ciIterations, -1, CiSeed);

    /// <summary>The CsCheck seed CI starts from.</summary>
    public const string CiSeed = "4UhPxuZPzvA1";

    /// <summary>The number of lines in a file's bytes (an error may name the line after the last).</summary>
    public static int LineCount(byte[] bytes) => bytes.AsSpan().Count((byte)'\n') + 1;
}
