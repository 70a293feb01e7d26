using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands targets (<c>tahun,instansi,target_wbk,target_wbbm</c>): how many units an instansi aims to see
/// awarded each predicate in an evaluation year. Either count may be empty (no target set); a row for an
/// instansi-year already stored replaces it when it differs.
/// </summary>
public sealed class TargetLoader(TimeProvider clock)
{
    public const string TargetWbk = "target_wbk";
    public const string TargetWbbm = "target_wbbm";

    public static readonly IReadOnlyList<string> KeyColumns = [CanonicalColumns.Tahun, CanonicalColumns.Instansi, TargetWbk, TargetWbbm];

    public static bool Matches(HeaderMap header) =>
        header.Find(CanonicalColumns.Tahun) is not null && header.Find(CanonicalColumns.Instansi) is not null
        && (header.Find(TargetWbk) is not null || header.Find(TargetWbbm) is not null);

    private sealed record Row(int Line, int Year, string Instansi, int? Wbk, int? Wbbm);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, int), int>();
        var extra = table.Header!.Fields.Select(HeaderMap.Normalize)
            .Where(n => n.Length > 0 && n is not (CanonicalColumns.Tahun or CanonicalColumns.Instansi or TargetWbk or TargetWbbm or "catatan")).ToList();
        foreach (var name in extra)
        {
            errors.Add(new IngestError(file.Name, $"'{Excerpt.Of(name)}' is not a target column (expected {string.Join(", ", KeyColumns)})", 1, name, Sheet: table.Sheet));
        }
        try
        {
            foreach (var record in errors.Any ? [] : table.Records())
            {
                var f = record.Fields;
                if (f.Length != header.Count)
                {
                    errors.Add(new IngestError(file.Name, CanonicalLkeParser.RaggedRow(f.Length, header.Count, table.Delimiter), record.Line, Sheet: table.Sheet));
                    continue;
                }
                var instansi = f[header[CanonicalColumns.Instansi]].Trim();
                var yearText = f[header[CanonicalColumns.Tahun]].Trim();
                var ok = true;
                if (instansi.Length == 0)
                {
                    errors.Add(new IngestError(file.Name, "the instansi is required", record.Line, CanonicalColumns.Instansi, instansi, table.Sheet));
                    ok = false;
                }
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
                {
                    errors.Add(new IngestError(file.Name, "the year must be a whole number such as 2025", record.Line, CanonicalColumns.Tahun, yearText, table.Sheet));
                    ok = false;
                }
                int? Count(string column)
                {
                    if (header.Find(column) is not { } index)
                    {
                        return null;
                    }
                    var text = f[index].Trim();
                    if (text.Length == 0)
                    {
                        return null;
                    }
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 100_000)
                    {
                        return count;
                    }
                    errors.Add(new IngestError(file.Name, "a target is a whole number of units (0 or more), or empty for none", record.Line, column, text, table.Sheet));
                    ok = false;
                    return null;
                }
                var wbk = Count(TargetWbk);
                var wbbm = Count(TargetWbbm);
                if (!ok)
                {
                    continue;
                }
                var key = (instansi.ToUpperInvariant(), year);
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new IngestError(file.Name, $"{Excerpt.Of(instansi)}, year {year} already has a target on line {first}", record.Line, CanonicalColumns.Instansi, instansi, table.Sheet));
                    continue;
                }
                seen[key] = record.Line;
                rows.Add(new Row(record.Line, year, instansi, wbk, wbbm));
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
            return FileOutcome.Rejected(file.Path, InputFormats.Targets, rows.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT upper(instansi), year, target_wbk, target_wbbm FROM target")
            .Select(r => (Key: (r.GetString(0), r.GetInt32(1)), Wbk: r.IsDBNull(2) ? (int?)null : r.GetInt32(2), Wbbm: r.IsDBNull(3) ? (int?)null : r.GetInt32(3)))
            .ToDictionary(x => x.Key, x => (x.Wbk, x.Wbbm));
        var changed = rows.Where(r => !stored.TryGetValue((r.Instansi.ToUpperInvariant(), r.Year), out var s) || s != (r.Wbk, r.Wbbm)).ToList();
        if (changed.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.Targets, FileStatus.Unchanged, rows.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.Targets, rows.Count, clock);
        foreach (var r in changed)
        {
            connection.Execute("DELETE FROM target WHERE upper(instansi) = $i AND year = $y", ("i", r.Instansi.ToUpperInvariant()), ("y", r.Year));
            connection.Execute("INSERT INTO target VALUES ($y, $i, $w, $m, $f, $l)",
                ("y", r.Year), ("i", r.Instansi), ("w", r.Wbk), ("m", r.Wbbm), ("f", fileId), ("l", r.Line));
        }
        tx.Commit();
        var landed = changed.Select(r => $"{r.Instansi} {r.Year} (WBK {r.Wbk?.ToString(CultureInfo.InvariantCulture) ?? "-"}, WBBM {r.Wbbm?.ToString(CultureInfo.InvariantCulture) ?? "-"})").ToList();
        return new FileOutcome(file.Path, InputFormats.Targets, FileStatus.Accepted, rows.Count, landed, 0, [], timer.Elapsed);
    }
}
