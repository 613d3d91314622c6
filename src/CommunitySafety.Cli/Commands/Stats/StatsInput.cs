using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;
using nietras.SeparatedValues;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary>An analyst's CSV file read as text: the header and the rows, with typed access that names line and column on error.</summary>
internal sealed class StatsInput
{
    private readonly Dictionary<string, int> _index;

    private StatsInput(string path, string[] header, List<string[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _index.TryAdd(header[i], i);
        }
    }

    public string Path { get; }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public static StatsInput Read(CliContext context, string file)
    {
        var path = CommandInputs.ExistingFile(context, file);

        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header.ColNames.ToArray();
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[header.Length];
            for (var i = 0; i < header.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            rows.Add(cells);
        }

        return new StatsInput(path, header, rows);
    }

    /// <summary>The position of a column, or an error listing the columns there are.</summary>
    public int Column(string name) => _index.TryGetValue(name, out var i)
        ? i
        : throw new CliException(ExitCode.InvalidInput, $"{Path}: no column '{name}'. The columns are: {string.Join(", ", Header)}.");

    /// <summary>Whether the file has this column.</summary>
    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>A number, or null for an empty cell.</summary>
    public double? Number(int row, int column)
    {
        var text = Rows[row][column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException(ExitCode.InvalidInput, $"{Path} line {row + 2}, column '{Header[column]}': '{text}' is not a number.");
    }

    /// <summary>
    /// A whole, non-negative count, or null for an empty cell; <paramref name="why"/> says why the method needs a whole
    /// number (e.g. "the exact conditional test counts events").
    /// </summary>
    public long? Count(int row, int column, string? why = null)
    {
        if (Amount(row, column) is not { } value)
        {
            return null;
        }

        if (value != Math.Floor(value) || value > long.MaxValue)
        {
            var reason = why is null ? string.Empty : $" ({why})";
            throw new CliException(ExitCode.InvalidInput, $"{Path} line {row + 2}, column '{Header[column]}': '{Rows[row][column]}' is not a whole number of events{reason}.");
        }

        return (long)value;
    }

    /// <summary>A non-negative number (whole or not, e.g. a modelled or standardised count), or null for an empty cell.</summary>
    public double? Amount(int row, int column)
    {
        if (Number(row, column) is not { } value)
        {
            return null;
        }

        if (value < 0 || double.IsInfinity(value))
        {
            throw new CliException(ExitCode.InvalidInput, $"{Path} line {row + 2}, column '{Header[column]}': '{Rows[row][column]}' is negative; counts and denominators are 0 or more.");
        }

        return value;
    }

    /// <summary>A table with the input's columns (as text) followed by <paramref name="added"/>.</summary>
    public ResultTable Extend(params ResultColumn[] added) =>
        new([.. Header.Select(h => new ResultColumn(h)), .. added]);

    /// <summary>The input row's cells followed by <paramref name="added"/>.</summary>
    public object?[] Cells(int row, params object?[] added) => [.. Rows[row], .. added];
}

/// <summary>Options and parsing shared by the stats commands.</summary>
internal static class StatsOptions
{
    public static Option<string> In() => new("--in")
    {
        Description = "The CSV file to read (with a header row).",
        Required = true,
        HelpName = "file",
    };

    public static Option<OutputFormat> Format()
    {
        var option = CommonOptions.Format();
        option.Description = "How to print the result: csv (the input's columns plus the new ones), table or json.";
        option.DefaultValueFactory = _ => OutputFormat.Csv;
        return option;
    }

    /// <summary>Creates <c>--type</c>: rates (the default) or proportions, described for the command.</summary>
    public static Option<string> Type(string description) => new Option<string>("--type")
    {
        Description = description,
        DefaultValueFactory = _ => "rates",
        HelpName = "rates|proportions",
    }.AcceptOnlyFromAmong("rates", "proportions");

    public static Option<string> Polarity() => new Option<string>("--polarity")
    {
        Description = "Whether a low or a high value is good: low-is-good, high-is-good or none (Lower / Similar / Higher).",
        DefaultValueFactory = _ => "none",
        HelpName = "low-is-good|high-is-good|none",
    }.AcceptOnlyFromAmong("low-is-good", "high-is-good", "none");

    public static Option<string> Z() => new("--z")
    {
        Description = "The normal quantiles: exact (1.959964 and 3.090232), 1.96 (1.96 and 3.0902, as older PHE tools), "
            + "or numbers: 'z95,z998' (e.g. 1.959964,3.090232), or one number when only one level is used (e.g. --confidence 99.8 --z 3.090232).",
        DefaultValueFactory = _ => "exact",
        HelpName = "exact|1.96|z95,z998|z",
    };

    public static Option<string> Confidence() => new("--confidence")
    {
        Description = "Which limits to add: 95, 99.8 or both (95,99.8).",
        DefaultValueFactory = _ => "95,99.8",
        HelpName = "95,99.8",
    };

    public static Polarity ParsePolarity(string? text) => text switch
    {
        "low-is-good" or "down" => CommunitySafety.Statistics.Polarity.LowIsGood,
        "high-is-good" or "up" => CommunitySafety.Statistics.Polarity.HighIsGood,
        _ => CommunitySafety.Statistics.Polarity.NoJudgement,
    };

    public static ZConvention ParseZ(string? text) => text == "1.96" ? ZConvention.Rounded : ZConvention.ExactQuantile;

    /// <summary>
    /// The z of each level from --z: a named convention, two numbers (95%, 99.8%), or one number when only one level is
    /// used (the other keeps the exact quantile and is not shown).
    /// </summary>
    public static ZQuantiles ParseZQuantiles(string? text, bool with95 = true, bool with998 = true)
    {
        switch (text ?? "exact")
        {
            case "exact":
                return ZQuantiles.Exact;
            case "1.96":
                return ZQuantiles.For(ZConvention.Rounded);
        }

        var parts = text!.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !(numbers[i] > 0) || double.IsInfinity(numbers[i]))
            {
                throw new CliException(ExitCode.UsageError, $"--z: '{parts[i]}' is not exact, 1.96 or a positive number.");
            }
        }

        if (numbers.Length == 2)
        {
            if (numbers[0] >= numbers[1])
            {
                throw new CliException(ExitCode.UsageError, $"--z {text}: the 95% z ({numbers[0]}) must be smaller than the 99.8% z ({numbers[1]}).");
            }

            return new ZQuantiles(numbers[0], numbers[1]);
        }

        if (numbers.Length == 1 && with95 != with998)
        {
            return with95 ? new ZQuantiles(numbers[0], ZValues.Exact998) : new ZQuantiles(ZValues.Exact95, numbers[0]);
        }

        throw new CliException(
            ExitCode.UsageError,
            $"--z {text}: give one z for each level, e.g. --z 1.959964,3.090232, or choose one level with --confidence (95 or 99.8).");
    }

    /// <summary>The z values in words for a note, e.g. "z exact" or "z 1.96 and 3.090232".</summary>
    public static string DescribeZ(ZQuantiles z) => z == ZQuantiles.Exact
        ? "z exact (1.959964 and 3.090232)"
        : string.Create(CultureInfo.InvariantCulture, $"z {z.Z95:0.######} (95%) and {z.Z998:0.######} (99.8%)");

    public static (bool With95, bool With998) ParseConfidence(string? text)
    {
        var parts = (text ?? "95,99.8").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part is not ("95" or "99.8"))
            {
                throw new CliException(ExitCode.UsageError, $"--confidence: '{part}' is not supported; use 95, 99.8 or 95,99.8.");
            }
        }

        return (parts.Contains("95"), parts.Contains("99.8"));
    }

    /// <summary>The limit columns for the chosen confidence levels.</summary>
    public static ResultColumn[] LimitColumns(bool with95, bool with998)
    {
        var columns = new List<ResultColumn>();
        if (with95)
        {
            columns.Add(new ResultColumn("lower_95", IsNumeric: true, Format: "N2"));
            columns.Add(new ResultColumn("upper_95", IsNumeric: true, Format: "N2"));
        }

        if (with998)
        {
            columns.Add(new ResultColumn("lower_99.8", IsNumeric: true, Format: "N2"));
            columns.Add(new ResultColumn("upper_99.8", IsNumeric: true, Format: "N2"));
        }

        return [.. columns];
    }

    public static object?[] Limits(bool with95, bool with998, double? l95, double? u95, double? l998, double? u998)
    {
        var cells = new List<object?>();
        if (with95)
        {
            cells.Add(l95);
            cells.Add(u95);
        }

        if (with998)
        {
            cells.Add(l998);
            cells.Add(u998);
        }

        return [.. cells];
    }
}
