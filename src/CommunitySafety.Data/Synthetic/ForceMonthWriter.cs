using System.Globalization;
using System.Text;
using CommunitySafety.Exports;
using CommunitySafety.Periods;
using static CommunitySafety.Data.Synthetic.NationalArchiveGenerator;

namespace CommunitySafety.Data.Synthetic;

/// <summary>Writes one force-month: the street file, then outcomes for its crimes, then stop and search.</summary>
internal sealed class ForceMonthWriter(GenerationContext context, SyntheticForce force, YearMonth month, string folder)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly List<(ulong A, ulong B, ulong C, ulong D, int Lsoa, int Point)> _crimes = [];

    public (long StreetRows, long OutcomeRows, long SearchRows, long Bytes, long StreetBytes, int Files) Write()
    {
        var kinds = context.Options.Kinds;
        var slug = force.Force.Slug;
        long street = 0, outcomes = 0, searches = 0, bytes = 0, streetBytes = 0;
        var files = 0;
        var keepCrimes = kinds.HasFlag(SyntheticFileKinds.Outcomes);
        if (kinds.HasFlag(SyntheticFileKinds.Street) || keepCrimes)
        {
            // Street rows are drawn even when only outcomes are written, so outcomes refer to the same crimes either way.
            var path = Path.Combine(folder, $"{month}-{slug}-street.csv");
            (street, streetBytes) = WriteStreet(kinds.HasFlag(SyntheticFileKinds.Street) ? path : null, keepCrimes);
            if (kinds.HasFlag(SyntheticFileKinds.Street))
            {
                bytes += streetBytes;
                files++;
            }
            else
            {
                street = 0;
                streetBytes = 0;
            }
        }

        if (keepCrimes)
        {
            long b;
            (outcomes, b) = WriteOutcomes(Path.Combine(folder, $"{month}-{slug}-outcomes.csv"));
            bytes += b;
            files++;
        }

        if (kinds.HasFlag(SyntheticFileKinds.StopAndSearch))
        {
            long b;
            (searches, b) = WriteStopAndSearch(Path.Combine(folder, $"{month}-{slug}-stop-and-search.csv"));
            bytes += b;
            files++;
        }

        return (street, outcomes, searches, bytes, streetBytes, files);
    }

    private long Expected(double perYear, ref SyntheticRandom r, bool seasonal)
    {
        var share = force.WeightTotal / context.AllWeight;
        var factor = seasonal ? context.Seasonal[month.Month - 1] : 1.0;
        var n = context.Options.Scale * perYear / 12 * factor * share * (1 + (0.03 * r.NextGaussian()));
        return Math.Max(0, (long)Math.Round(n));
    }

    private (long Rows, long Bytes) WriteStreet(string? path, bool keepCrimes)
    {
        var r = new SyntheticRandom(context.Seed, (ulong)force.Index + 1, (ulong)month.Index, 1);
        var rows = Expected(SyntheticCalibration.StreetRowsPerYear, ref r, seasonal: true);
        var monthText = month.ToString();
        var name = force.Force.Name;
        var late = month >= Geography2021From;
        var points = context.Geography.Points;
        using var w = new LineWriter(path);
        w.Append(StreetHeader).EndLine();
        for (long i = 0; i < rows; i++)
        {
            var type = context.CrimeTypes.Sample(ref r);
            var asb = type == context.AsbIndex;
            ulong a = 0, b = 0, c = 0, d = 0;
            if (!asb || r.NextDouble() >= SyntheticCalibration.AsbEmptyIdShare)
            {
                (a, b, c, d) = (r.NextUInt64(), r.NextUInt64(), r.NextUInt64(), r.NextUInt64());
                w.AppendHex(a).AppendHex(b).AppendHex(c).AppendHex(d);
            }

            w.Comma().Append(monthText).Comma().Append(name).Comma().Append(name).Comma();
            var lsoaIndex = -1;
            var pointIndex = -1;
            var area = force;
            if (r.NextDouble() < SyntheticCalibration.NoLocationShare)
            {
                w.Append(",,No Location,,,");
            }
            else
            {
                if (r.NextDouble() < SyntheticCalibration.OutsideForceShare)
                {
                    area = force.Neighbour!;
                }

                lsoaIndex = area.LsoaPick!.Sample(ref r);
                var lsoa = area.Lsoas[lsoaIndex];
                // Busy map points: the smaller of two uniform picks favours an LSOA's first points.
                pointIndex = lsoa.FirstPoint + Math.Min(r.Next(lsoa.PointCount), r.Next(lsoa.PointCount));
                var p = points[pointIndex];
                w.Append(p.Longitude).Comma().Append(p.Latitude).Comma().Append(p.Location).Comma()
                    .Append(lsoa.Code).Comma().Field(late ? lsoa.Name2021 : lsoa.Name).Comma();
            }

            w.Append(context.CrimeTypeNames[type]).Comma();
            if (!asb)
            {
                w.Append(context.LastOutcomes.Values[context.LastOutcomes.Pick.Sample(ref r)]);
                if (keepCrimes)
                {
                    _crimes.Add((a, b, c, d, area == force ? lsoaIndex : -2 - lsoaIndex, pointIndex));
                }
            }

            w.Comma().EndLine();
        }

        return (rows, w.Close());
    }

    private (long Rows, long Bytes) WriteOutcomes(string path)
    {
        var r = new SyntheticRandom(context.Seed, (ulong)force.Index + 1, (ulong)month.Index, 2);
        var rows = _crimes.Count == 0 ? 0 : (long)Math.Round(_crimes.Count * SyntheticCalibration.OutcomesPerCrime);
        var monthText = month.ToString();
        var name = force.Force.Name;
        var late = month >= Geography2021From;
        var points = context.Geography.Points;
        using var w = new LineWriter(path);
        w.Append(OutcomesHeader).EndLine();
        for (long i = 0; i < rows; i++)
        {
            var (a, b, c, d, lsoaIndex, pointIndex) = _crimes[r.Next(_crimes.Count)];
            w.AppendHex(a).AppendHex(b).AppendHex(c).AppendHex(d)
                .Comma().Append(monthText).Comma().Append(name).Comma().Append(name).Comma();
            if (pointIndex < 0)
            {
                w.Append(",,No location,,,");
            }
            else
            {
                var lsoa = lsoaIndex >= 0 ? force.Lsoas[lsoaIndex] : force.Neighbour!.Lsoas[-2 - lsoaIndex];
                var p = points[pointIndex];
                w.Append(p.Longitude).Comma().Append(p.Latitude).Comma().Append(p.Location).Comma()
                    .Append(lsoa.Code).Comma().Field(late ? lsoa.Name2021 : lsoa.Name).Comma();
            }

            w.Append(context.OutcomeTypes.Values[context.OutcomeTypes.Pick.Sample(ref r)]).EndLine();
        }

        return (rows, w.Close());
    }

    private (long Rows, long Bytes) WriteStopAndSearch(string path)
    {
        var r = new SyntheticRandom(context.Seed, (ulong)force.Index + 1, (ulong)month.Index, 3);
        var rows = Expected(SyntheticCalibration.StopAndSearchesPerYear, ref r, seasonal: false);
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var times = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            times[i] = r.Next(days * 24 * 60) * 60L;
        }

        Array.Sort(times);
        var start = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var s = SearchTables.Instance;
        var points = context.Geography.Points;
        using var w = new LineWriter(path);
        w.Append(StopAndSearchHeader).EndLine();
        Span<char> date = stackalloc char[32];
        foreach (var t in times)
        {
            w.Append(s.Type.Pick(ref r)).Comma();
            start.AddSeconds(t).TryFormat(date, out var n, "yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
            w.Append(date[..n]).Comma().Append(s.PartOf.Pick(ref r)).Comma().Comma();
            if (r.NextDouble() < SyntheticCalibration.StopAndSearchNoLocationShare)
            {
                w.Comma();
            }
            else
            {
                var lsoa = force.Lsoas[force.LsoaPick!.Sample(ref r)];
                var p = points[lsoa.FirstPoint + r.Next(lsoa.PointCount)];
                w.Append(p.Latitude).Comma().Append(p.Longitude);
            }

            var (legislation, obj) = s.Legislation[s.LegislationPick.Sample(ref r)];
            w.Comma().Append(s.Gender.Pick(ref r)).Comma().Append(s.Age.Pick(ref r)).Comma().Append(s.SelfEthnicity.Pick(ref r)).Comma()
                .Append(s.OfficerEthnicity.Pick(ref r)).Comma().Append(legislation).Comma().Append(obj).Comma()
                .Append(s.Outcome.Pick(ref r)).Comma().Append(s.Linked.Pick(ref r)).Comma().EndLine();
        }

        return (rows, w.Close());
    }

    private sealed class SearchTables
    {
        public static readonly SearchTables Instance = new();

        public Choice Type { get; } = new(SyntheticCalibration.StopAndSearch.Type);

        public Choice PartOf { get; } = new(SyntheticCalibration.StopAndSearch.PartOfOperation);

        public Choice Gender { get; } = new(SyntheticCalibration.StopAndSearch.Gender);

        public Choice Age { get; } = new(SyntheticCalibration.StopAndSearch.AgeRange);

        public Choice SelfEthnicity { get; } = new(SyntheticCalibration.StopAndSearch.SelfDefinedEthnicity);

        public Choice OfficerEthnicity { get; } = new(SyntheticCalibration.StopAndSearch.OfficerDefinedEthnicity);

        public Choice Outcome { get; } = new(SyntheticCalibration.StopAndSearch.Outcome);

        public Choice Linked { get; } = new(SyntheticCalibration.StopAndSearch.OutcomeLinked);

        public (string Legislation, string Object)[] Legislation { get; } =
            [.. SyntheticCalibration.StopAndSearch.Legislation.Select(l => (l.Legislation, l.Object))];

        public AliasTable LegislationPick { get; } = new([.. SyntheticCalibration.StopAndSearch.Legislation.Select(l => l.Share)]);
    }

    private sealed class Choice((string Value, double Share)[] values)
    {
        private readonly AliasTable _pick = new([.. values.Select(v => v.Share)]);
        private readonly string[] _values = [.. values.Select(v => v.Value)];

        public string Pick(ref SyntheticRandom r) => _values[_pick.Sample(ref r)];
    }

    /// <summary>Builds CSV lines in a char buffer and writes them as UTF-8 with CRLF line ends, as recent police.uk files have.</summary>
    private sealed class LineWriter : IDisposable
    {
        private const int Flush = 1 << 16;
        private readonly Stream _stream;
        private readonly string? _path;
        private readonly string? _temp;
        private readonly char[] _chars = new char[Flush + 4096];
        private readonly byte[] _bytes = new byte[(Flush + 4096) * 3];
        private int _length;
        private long _written;
        private bool _closed;

        public LineWriter(string? path)
        {
            _path = path;
            if (path is null)
            {
                _stream = Stream.Null;
                return;
            }

            // Written beside and renamed at the end, so an interrupted run leaves no half file under the real name.
            _temp = path + ".partial";
            _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        public LineWriter Append(string s) => Append(s.AsSpan());

        public LineWriter Append(ReadOnlySpan<char> s)
        {
            s.CopyTo(_chars.AsSpan(_length));
            _length += s.Length;
            return this;
        }

        public LineWriter Field(string s) => Append(CsvWriter.Quoted(s));

        public LineWriter Append(double value)
        {
            value.TryFormat(_chars.AsSpan(_length), out var n, "F6", CultureInfo.InvariantCulture);
            _length += n;
            return this;
        }

        public LineWriter AppendHex(ulong value)
        {
            value.TryFormat(_chars.AsSpan(_length), out var n, "x16", CultureInfo.InvariantCulture);
            _length += n;
            return this;
        }

        public LineWriter Comma()
        {
            _chars[_length++] = ',';
            return this;
        }

        public void EndLine()
        {
            _chars[_length++] = '\r';
            _chars[_length++] = '\n';
            if (_length >= Flush)
            {
                FlushBuffer();
            }
        }

        private void FlushBuffer()
        {
            var n = Utf8.GetBytes(_chars, 0, _length, _bytes, 0);
            _stream.Write(_bytes, 0, n);
            _written += n;
            _length = 0;
        }

        /// <summary>Finishes the file and returns its length in bytes.</summary>
        public long Close()
        {
            FlushBuffer();
            _stream.Dispose();
            if (_temp is not null)
            {
                File.Move(_temp, _path!, overwrite: true);
            }

            _closed = true;
            return _written;
        }

        public void Dispose()
        {
            if (!_closed)
            {
                _stream.Dispose();
                if (_temp is not null)
                {
                    File.Delete(_temp);
                }
            }
        }
    }
}
