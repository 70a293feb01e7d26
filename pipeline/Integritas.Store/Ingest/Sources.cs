using Integritas.Domain.Catalog;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Ingest.Workbook;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>The canonical LKE layout (CSV or a sheet) as a row source: header read, rows parsed and checked one by one.</summary>
internal sealed class CanonicalTableSource(string file, ITable table, HeaderMap header, RuleCatalog rules) : ILkeRowSource
{
    private readonly HashSet<string> _tainted = [];

    public IReadOnlySet<string> Tainted => _tainted;

    public (long Done, long Total)? Position => table is CsvTable csv ? (csv.Position, csv.Length) : null;

    public IEnumerable<LkeRow> Read(ErrorList errors)
    {
        var parser = new CanonicalLkeParser(file, header, table.Delimiter, rules, table.Sheet);
        foreach (var record in table.Records())
        {
            var row = parser.Parse(record, errors);
            if (row is not null)
            {
                yield return row;
            }
            else if (record.Fields.Length == header.Count)
            {
                _tainted.Add($"{record.Fields[header[CanonicalColumns.KodeUnit]].Trim()}|{record.Fields[header[CanonicalColumns.Tahun]].Trim()}");
            }
        }
    }
}

/// <summary>An official-layout workbook (LKE ZI, or the TPI template's Jawaban sheet) as a row source with findings.</summary>
internal sealed class WorkbookLkeSource(string file, XlsxWorkbook book, UnitIdentity unit, RuleCatalog rules) : ILkeRowSource
{
    private readonly LkeWorkbookParser _parser = new(file, unit, rules, LkeCatalog.Lke90);

    public IReadOnlySet<string> Tainted { get; } = new HashSet<string>();

    public IReadOnlyList<Finding> Findings => _parser.Findings;

    public IEnumerable<LkeRow> Read(ErrorList errors)
    {
        try
        {
            return _parser.Read(book, errors);
        }
        catch (SpreadsheetException ex)
        {
            throw new IngestFileException(new IngestError(file, ex.Message, ex.Row, Sheet: ex.Sheet));
        }
    }
}
