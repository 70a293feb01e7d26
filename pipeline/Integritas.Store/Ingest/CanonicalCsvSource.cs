using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Ingest.Csv;

namespace Integritas.Store.Ingest;

/// <summary>The canonical LKE CSV as a row source: header already read, rows parsed and checked one by one.</summary>
internal sealed class CanonicalCsvSource(string file, CsvReader reader, HeaderMap header, RuleCatalog rules) : ILkeRowSource
{
    private readonly HashSet<string> _tainted = [];

    public IReadOnlySet<string> Tainted => _tainted;

    public IEnumerable<LkeRow> Read(ErrorList errors)
    {
        var parser = new CanonicalLkeParser(file, header, reader.Delimiter, rules);
        foreach (var record in reader.ReadRecords())
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
