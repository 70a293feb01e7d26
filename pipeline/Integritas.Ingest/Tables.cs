using System.Globalization;
using Integritas.Ingest.Csv;
using Integritas.Spreadsheets;

namespace Integritas.Ingest;

/// <summary>
/// A table read from a CSV file or from a workbook sheet, as header and records: recap sheets, facts and
/// predicate histories arrive either way and are checked by the same code.
/// </summary>
public interface ITable : IDisposable
{
    /// <summary>The sheet the table is on (null for CSV), for error messages.</summary>
    string? Sheet { get; }

    /// <summary>The CSV delimiter, for the ragged-row message ('\0' for a sheet).</summary>
    char Delimiter { get; }

    /// <summary>The header record; null for an empty table.</summary>
    CsvRecord? Header { get; }

    /// <summary>The records after the header (sheet rows padded to the header's width).</summary>
    IEnumerable<CsvRecord> Records();
}

public sealed class CsvTable : ITable
{
    private readonly Stream _stream;
    private readonly CsvReader _reader;

    public CsvTable(string path, string file)
    {
        _stream = File.OpenRead(path);
        _reader = new CsvReader(_stream, file);
        Header = _reader.ReadHeader();
    }

    public string? Sheet => null;

    public char Delimiter => _reader.Delimiter;

    public CsvRecord? Header { get; }

    /// <summary>Bytes read so far, for progress on large files.</summary>
    public long Position => _stream.Position;

    public long Length => _stream.Length;

    public IEnumerable<CsvRecord> Records() => _reader.ReadRecords();

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}

/// <summary>A sheet's rows as records: the first non-empty row is the header; numbers come as invariant text.</summary>
public sealed class SheetTable : ITable
{
    private readonly IEnumerator<Row> _rows;
    private readonly int _width;

    public SheetTable(XlsxWorkbook book, SheetInfo sheet)
    {
        Sheet = sheet.Name;
        _rows = book.ReadRows(sheet).GetEnumerator();
        while (_rows.MoveNext())
        {
            if (!_rows.Current.IsEmpty)
            {
                _width = _rows.Current.Cells.Where(c => c.Value.Trim().Length > 0).Max(c => c.Column);
                Header = ToRecord(_rows.Current);
                break;
            }
        }
    }

    public string? Sheet { get; }

    public char Delimiter => '\0';

    public CsvRecord? Header { get; }

    public IEnumerable<CsvRecord> Records()
    {
        while (_rows.MoveNext())
        {
            if (!_rows.Current.IsEmpty)
            {
                yield return ToRecord(_rows.Current);
            }
        }
    }

    private CsvRecord ToRecord(Row row)
    {
        var width = Math.Max(_width, row.Cells.Where(c => c.Value.Trim().Length > 0).Select(c => c.Column).DefaultIfEmpty(0).Max());
        var fields = new string[width];
        Array.Fill(fields, "");
        foreach (var cell in row.Cells)
        {
            if (cell.Column <= width)
            {
                fields[cell.Column - 1] = cell.Kind == CellKind.Number && cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : cell.Value;
            }
        }
        return new CsvRecord(row.Index, fields);
    }

    public void Dispose() => _rows.Dispose();
}
