using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunitySafety.Exports;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Output;

/// <summary>Writes a <see cref="CellTable"/> as CSV or GeoJSON.</summary>
public static class CellExport
{
    /// <summary>Attribution to keep with any export of police.uk data.</summary>
    public const string OpenGovernmentLicence = "Contains public sector information licensed under the Open Government Licence v3.0.";

    /// <summary>
    /// Writes one row per cell: <c>cell_id, easting, northing, longitude, latitude</c> (the centre; British
    /// National Grid metres and WGS84 degrees) then the table's columns. Invariant culture, text cells through the one
    /// CSV writer's rule (<see cref="CsvWriter.AppendCell"/>: RFC 4180 quoting, formula-like text neutralised), empty for
    /// missing values.
    /// </summary>
    public static void WriteCsv(CellTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder();
        line.Append("cell_id,easting,northing,longitude,latitude");
        foreach (var column in table.Columns)
        {
            CsvWriter.AppendCell(line.Append(','), column.Name);
        }

        writer.Write(line.Append('\n'));
        foreach (var cell in table.Grid.Cells)
        {
            line.Clear();
            var wgs = BritishNationalGrid.ToWgs84(cell.Centre);
            line.Append(cell.Id).Append(',')
                .Append(Number(cell.Centre.Easting, "0.#")).Append(',')
                .Append(Number(cell.Centre.Northing, "0.#")).Append(',')
                .Append(Number(wgs.Longitude, "0.######")).Append(',')
                .Append(Number(wgs.Latitude, "0.######"));
            foreach (var column in table.Columns)
            {
                line.Append(',');
                if (column.Numbers is { } numbers)
                {
                    if (numbers[cell.Index] is { } v)
                    {
                        line.Append(Number(v, "R"));
                    }
                }
                else if (column.Texts![cell.Index] is { } text)
                {
                    CsvWriter.AppendCell(line, text);
                }
            }

            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToCsv(CellTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(table, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes a GeoJSON FeatureCollection (RFC 7946: WGS84 longitude/latitude, 6 decimals ≈ 0.1 m), one
    /// Polygon feature per cell with <c>cell_id</c>, <c>easting</c>, <c>northing</c> and the table's
    /// columns as properties. The collection also carries <c>cell_size_m</c>, <c>cell_shape</c>,
    /// <c>attribution</c> and <c>notes</c>.
    /// </summary>
    public static void WriteGeoJson(CellTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        var grid = table.Grid;
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("cell_size_m", grid.CellSize);
        json.WriteString("cell_shape", grid.Shape == CellShape.Square ? "square" : "hexagon");
        json.WriteString("attribution", OpenGovernmentLicence);
        json.WriteStartArray("notes");
        foreach (var note in table.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteStartArray("features");
        foreach (var cell in grid.Cells)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            var ring = grid.Polygon(cell.Index);
            for (var k = 0; k <= ring.Length; k++)
            {
                var p = BritishNationalGrid.ToWgs84(ring[k % ring.Length]);
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(p.Longitude, 6));
                json.WriteNumberValue(Math.Round(p.Latitude, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("cell_id", cell.Id);
            json.WriteNumber("easting", Math.Round(cell.Centre.Easting, 1));
            json.WriteNumber("northing", Math.Round(cell.Centre.Northing, 1));
            foreach (var column in table.Columns)
            {
                if (column.Numbers is { } numbers)
                {
                    if (numbers[cell.Index] is { } v && double.IsFinite(v))
                    {
                        json.WriteNumber(column.Name, v);
                    }
                    else
                    {
                        json.WriteNull(column.Name);
                    }
                }
                else
                {
                    json.WriteString(column.Name, column.Texts![cell.Index]);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The GeoJSON as a string.</summary>
    public static string ToGeoJson(CellTable table)
    {
        using var stream = new MemoryStream();
        WriteGeoJson(table, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
