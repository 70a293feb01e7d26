using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands a predicate-history CSV (<c>kode_unit,tahun,predikat</c>): each row records a predicate a unit
/// was awarded for an evaluation year. A row for a unit-year already stored replaces it when it differs.
/// </summary>
public sealed class PredicateLoader(RuleCatalog rules, TimeProvider clock)
{
    private sealed record Row(int Line, string UnitId, int Year, string Predicate);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, int), int>();
        var known = rules.Rules.SelectMany(r => r.Predicates).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var record in table.Records())
            {
                var f = record.Fields;
                if (f.Length != header.Count)
                {
                    errors.Add(new IngestError(file.Name, CanonicalLkeParser.RaggedRow(f.Length, header.Count, table.Delimiter), record.Line, Sheet: table.Sheet));
                    continue;
                }
                var unit = f[header[CanonicalColumns.KodeUnit]].Trim();
                var yearText = f[header[CanonicalColumns.Tahun]].Trim();
                var predicate = f[header["predikat"]].Trim().ToUpperInvariant();
                var ok = true;
                if (unit.Length == 0)
                {
                    errors.Add(new IngestError(file.Name, "the unit code is required", record.Line, CanonicalColumns.KodeUnit, unit, table.Sheet));
                    ok = false;
                }
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
                {
                    errors.Add(new IngestError(file.Name, "the year must be a whole number such as 2024", record.Line, CanonicalColumns.Tahun, yearText, table.Sheet));
                    ok = false;
                }
                if (!known.Contains(predicate))
                {
                    errors.Add(new IngestError(file.Name, $"unknown predicate (expected {string.Join(" or ", known.Order(StringComparer.Ordinal))})", record.Line, "predikat", f[header["predikat"]].Trim(), table.Sheet));
                    ok = false;
                }
                if (!ok)
                {
                    continue;
                }
                if (seen.TryGetValue((unit, year), out var firstLine))
                {
                    errors.Add(new IngestError(file.Name, $"unit {Excerpt.Of(unit)}, year {year} already has a predicate on line {firstLine}", record.Line, CanonicalColumns.KodeUnit, unit, table.Sheet));
                    continue;
                }
                seen[(unit, year)] = record.Line;
                rows.Add(new Row(record.Line, unit, year, predicate));
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no rows"));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.Predicates, rows.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT unit_id, year, predicate FROM predicate")
            .Select(r => (Key: (r.GetString(0), r.GetInt32(1)), Predicate: r.GetString(2)))
            .ToDictionary(x => x.Key, x => x.Predicate);
        var changed = rows.Where(r => !stored.TryGetValue((r.UnitId, r.Year), out var p) || p != r.Predicate).ToList();
        if (changed.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.Predicates, FileStatus.Unchanged, rows.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.Predicates, rows.Count, clock);
        foreach (var r in changed)
        {
            connection.Execute("DELETE FROM predicate WHERE unit_id = $u AND year = $y", ("u", r.UnitId), ("y", r.Year));
            connection.Execute("INSERT INTO predicate VALUES ($u, $y, $p, $f, $l)", ("u", r.UnitId), ("y", r.Year), ("p", r.Predicate), ("f", fileId), ("l", r.Line));
        }
        tx.Commit();
        var landed = changed.Select(r => $"{r.UnitId} {r.Year} {r.Predicate}").ToList();
        return new FileOutcome(file.Path, InputFormats.Predicates, FileStatus.Accepted, rows.Count, landed, 0, [], timer.Elapsed);
    }
}
