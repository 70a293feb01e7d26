using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Domain.Facts;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands facts for the 5/2024 prerequisites (CSV or a workbook's first sheet): instansi facts keyed by
/// <c>tahun,instansi</c>, unit facts keyed by <c>tahun,kode_unit</c>, each further column one fact of
/// <see cref="FactCatalog"/>. An empty cell leaves the fact unknown; a fact stored for the same subject and
/// year is replaced when it differs.
/// </summary>
public sealed class FactLoader(TimeProvider clock)
{
    public static readonly IReadOnlyList<string> UnitKeyColumns = [CanonicalColumns.Tahun, CanonicalColumns.KodeUnit, "unit_layanan_utama"];
    public static readonly IReadOnlyList<string> InstansiKeyColumns = [CanonicalColumns.Tahun, CanonicalColumns.Instansi, "opini_bpk"];

    /// <summary>Which facts a header holds: unit facts (tahun, kode_unit and a unit fact), instansi facts (tahun, instansi and an instansi fact), or neither.</summary>
    public static FactScope? Matches(HeaderMap header)
    {
        if (header.Find(CanonicalColumns.Tahun) is null)
        {
            return null;
        }
        if (header.Find(CanonicalColumns.KodeUnit) is not null && FactCatalog.Default.For(FactScope.Unit).Any(f => header.Find(f.Name) is not null))
        {
            return FactScope.Unit;
        }
        if (header.Find(CanonicalColumns.Instansi) is not null && FactCatalog.Default.For(FactScope.Instansi).Any(f => header.Find(f.Name) is not null))
        {
            return FactScope.Instansi;
        }
        return null;
    }

    private sealed record FactRow(int Line, string Subject, int Year, string Name, string Value);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header, FactScope scope)
    {
        var timer = Stopwatch.StartNew();
        var format = scope == FactScope.Unit ? InputFormats.UnitFacts : InputFormats.InstansiFacts;
        var keyColumn = scope == FactScope.Unit ? CanonicalColumns.KodeUnit : CanonicalColumns.Instansi;
        var scopeName = scope == FactScope.Unit ? "unit" : "instansi";
        var errors = new ErrorList();
        var catalog = FactCatalog.Default;
        var headerNames = table.Header!.Fields.Select(HeaderMap.Normalize).ToList();
        var ignored = new HashSet<string>(StringComparer.Ordinal) { CanonicalColumns.Tahun, keyColumn, CanonicalColumns.NamaUnit, CanonicalColumns.Instansi, "catatan" };
        foreach (var name in headerNames.Where(n => n.Length > 0 && !ignored.Contains(n)))
        {
            var fact = catalog.Find(name);
            if (fact is null || fact.Scope != scope)
            {
                errors.Add(new IngestError(file.Name, $"'{Excerpt.Of(name)}' is not a {scopeName} fact (known: {string.Join(", ", catalog.For(scope).Select(f => f.Name))})", 1, name, Sheet: table.Sheet));
            }
        }
        var facts = new List<FactRow>();
        var seen = new Dictionary<(string, int), int>();
        try
        {
            foreach (var record in errors.Any ? Enumerable.Empty<Integritas.Ingest.Csv.CsvRecord>() : table.Records())
            {
                var f = record.Fields;
                if (f.Length != header.Count)
                {
                    errors.Add(new IngestError(file.Name, CanonicalLkeParser.RaggedRow(f.Length, header.Count, table.Delimiter), record.Line, Sheet: table.Sheet));
                    continue;
                }
                var subject = f[header[keyColumn]].Trim();
                var yearText = f[header[CanonicalColumns.Tahun]].Trim();
                if (subject.Length == 0)
                {
                    errors.Add(new IngestError(file.Name, $"the {scopeName} is required", record.Line, keyColumn, subject, table.Sheet));
                    continue;
                }
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
                {
                    errors.Add(new IngestError(file.Name, "the year must be a whole number such as 2025", record.Line, CanonicalColumns.Tahun, yearText, table.Sheet));
                    continue;
                }
                if (seen.TryGetValue((subject, year), out var first))
                {
                    errors.Add(new IngestError(file.Name, $"{scopeName} {Excerpt.Of(subject)}, year {year} already appears on line {first}", record.Line, keyColumn, subject, table.Sheet));
                    continue;
                }
                seen[(subject, year)] = record.Line;
                foreach (var fact in catalog.For(scope))
                {
                    if (header.Find(fact.Name) is not { } column || f[column].Trim().Length == 0)
                    {
                        continue;
                    }
                    var (value, error) = fact.Normalize(f[column]);
                    if (error is not null)
                    {
                        errors.Add(new IngestError(file.Name, $"{fact.Label}: {error}", record.Line, fact.Name, f[column].Trim(), table.Sheet));
                        continue;
                    }
                    facts.Add(new FactRow(record.Line, subject, year, fact.Name, value!));
                }
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
        }
        if (seen.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no rows", Sheet: table.Sheet));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, format, seen.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT subject, year, name, value FROM fact WHERE scope = $s", ("s", scopeName))
            .Select(r => (Key: (r.GetString(0), r.GetInt32(1), r.GetString(2)), Value: r.GetString(3)))
            .ToDictionary(x => x.Key, x => x.Value);
        var changed = facts.Where(f => !stored.TryGetValue((f.Subject, f.Year, f.Name), out var v) || v != f.Value).ToList();
        if (changed.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, format, FileStatus.Unchanged, seen.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, format, seen.Count, clock);
        foreach (var fact in changed)
        {
            connection.Execute("DELETE FROM fact WHERE scope = $s AND subject = $subject AND year = $y AND name = $n",
                ("s", scopeName), ("subject", fact.Subject), ("y", fact.Year), ("n", fact.Name));
            connection.Execute("INSERT INTO fact VALUES ($s, $subject, $y, $n, $v, $f, $l)",
                ("s", scopeName), ("subject", fact.Subject), ("y", fact.Year), ("n", fact.Name), ("v", fact.Value), ("f", fileId), ("l", fact.Line));
        }
        tx.Commit();
        var landed = changed.GroupBy(f => (f.Subject, f.Year)).Select(g => $"{g.Key.Subject} {g.Key.Year} ({g.Count()} fact(s))").ToList();
        return new FileOutcome(file.Path, format, FileStatus.Accepted, seen.Count, landed, 0, [], timer.Elapsed);
    }
}
