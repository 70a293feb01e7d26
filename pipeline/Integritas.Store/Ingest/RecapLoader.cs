using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands a recap sheet (CSV or a workbook's first sheet): one row per unit-year with area scores (totals, or
/// pemenuhan and reform where the rule splits them) and the hasil parts as points or survey indexes, for
/// years before item-level exports. Each row is tagged with its rule version (column <c>aturan</c>, or the
/// rule of its year) and checked against that rule's maxima. Totals the sheet gives are compared with the
/// sums of its parts; a difference is recorded as a finding.
/// </summary>
public sealed class RecapLoader(RuleCatalog rules, TimeProvider clock)
{
    public const string Rule = "aturan";

    public static readonly IReadOnlyList<string> KeyColumns = [CanonicalColumns.Tahun, CanonicalColumns.KodeUnit, CanonicalColumns.NamaUnit, CanonicalColumns.Instansi, "mp"];

    private static readonly string[] Totals = ["pengungkit", "hasil", "total"];

    /// <summary>A recap has the unit-year columns and at least one area column.</summary>
    public static bool Matches(HeaderMap header) =>
        header.Find(CanonicalColumns.Tahun) is not null && header.Find(CanonicalColumns.KodeUnit) is not null
        && (header.Find("mp") is not null || header.Find("mp_pemenuhan") is not null);

    private sealed record RecapRow(int Line, string UnitId, int Year, string Name, string Instansi, string RuleId, SortedDictionary<string, decimal> Metrics);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        var findings = new List<(RecapRow Row, Finding Finding)>();
        var rows = new List<RecapRow>();
        var seen = new Dictionary<(string, int), int>();
        foreach (var required in KeyColumns.SkipLast(1).Where(c => header.Find(c) is null))
        {
            errors.Add(new IngestError(file.Name, $"missing required column '{required}'", 1, Sheet: table.Sheet));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.Recap, 0, errors, timer.Elapsed);
        }
        try
        {
            foreach (var record in table.Records())
            {
                var row = ParseRow(file.Name, table, header, record, errors, findings);
                if (row is null)
                {
                    continue;
                }
                if (seen.TryGetValue((row.UnitId, row.Year), out var first))
                {
                    errors.Add(new IngestError(file.Name, $"unit {Excerpt.Of(row.UnitId)}, year {row.Year} already appears on line {first}", row.Line, CanonicalColumns.KodeUnit, row.UnitId, table.Sheet));
                    continue;
                }
                seen[(row.UnitId, row.Year)] = row.Line;
                rows.Add(row);
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no rows", Sheet: table.Sheet));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.Recap, rows.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var current = connection.Query("SELECT unit_id, year, content_hash, version, submission_id FROM submission WHERE is_current AND reviewer = 'unit'")
            .Select(r => (Key: (r.GetString(0), r.GetInt32(1)), Hash: r.GetString(2), Version: r.GetInt32(3), Id: r.GetInt64(4)))
            .ToDictionary(x => x.Key);
        var changed = rows.Select(r => (Row: r, Hash: Hash(r))).Where(x => !current.TryGetValue((x.Row.UnitId, x.Row.Year), out var c) || c.Hash != x.Hash).ToList();
        if (changed.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.Recap, FileStatus.Unchanged, rows.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.Recap, rows.Count, clock);
        var nextId = connection.Scalar<long>("SELECT coalesce(max(submission_id), 0) + 1 FROM submission");
        var landed = new List<string>();
        var stored = new List<Finding>();
        foreach (var (row, hash) in changed)
        {
            var id = nextId++;
            var version = 1;
            if (current.TryGetValue((row.UnitId, row.Year), out var previous))
            {
                version = previous.Version + 1;
                connection.Execute("UPDATE submission SET is_current = false WHERE submission_id = $id", ("id", previous.Id));
            }
            connection.Execute("""
                INSERT INTO submission VALUES ($id, $unit, $year, 'unit', $version, true, $name, $instansi, $rule, $hash, $file, $now, 0, 0, 'recap')
                """, ("id", id), ("unit", row.UnitId), ("year", row.Year), ("version", version), ("name", row.Name), ("instansi", row.Instansi),
                ("rule", row.RuleId), ("hash", hash), ("file", fileId), ("now", clock.GetUtcNow()));
            using (var appender = connection.CreateAppender("recap_value"))
            {
                foreach (var (metric, value) in row.Metrics)
                {
                    appender.CreateRow().AppendValue(id).AppendValue(metric).AppendValue(value).EndRow();
                }
            }
            foreach (var (_, finding) in findings.Where(f => f.Row == row))
            {
                connection.Execute("INSERT INTO finding VALUES ($file, $unit, $year, 'unit', $sheet, $cell, $level, $item, $cached, $recomputed, $message)",
                    ("file", fileId), ("unit", row.UnitId), ("year", row.Year), ("sheet", finding.Sheet), ("cell", finding.Cell), ("level", finding.Level),
                    ("item", finding.Item), ("cached", finding.Cached), ("recomputed", finding.Recomputed), ("message", finding.Message));
                stored.Add(finding);
            }
            landed.Add($"{row.UnitId} {row.Year} [{row.RuleId}] v{version}");
        }
        tx.Commit();
        return new FileOutcome(file.Path, InputFormats.Recap, FileStatus.Accepted, rows.Count, landed, 0, [], timer.Elapsed) { Findings = stored };
    }

    private RecapRow? ParseRow(string file, ITable table, HeaderMap header, Integritas.Ingest.Csv.CsvRecord record, ErrorList errors, List<(RecapRow, Finding)> findings)
    {
        var f = record.Fields;
        var line = record.Line;
        if (f.Length != header.Count)
        {
            errors.Add(new IngestError(file, CanonicalLkeParser.RaggedRow(f.Length, header.Count, table.Delimiter), line, Sheet: table.Sheet));
            return null;
        }
        var before = errors.Count;
        string Get(string column) => header.Find(column) is { } i ? f[i].Trim() : "";
        void Fail(string column, string message) => errors.Add(new IngestError(file, message, line, column, Get(column), table.Sheet));

        var unitId = Get(CanonicalColumns.KodeUnit);
        if (unitId.Length == 0)
        {
            Fail(CanonicalColumns.KodeUnit, "the unit code is required");
        }
        if (!int.TryParse(Get(CanonicalColumns.Tahun), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            Fail(CanonicalColumns.Tahun, "the year must be a whole number such as 2020");
            return null;
        }
        RuleSet? rule;
        if (Get(Rule) is { Length: > 0 } ruleText)
        {
            rule = rules.Find(ruleText.Replace('-', '/'));
            if (rule is null)
            {
                Fail(Rule, $"unknown rule version (known: {string.Join(", ", rules.Rules.Select(r => r.Id))})");
                return null;
            }
        }
        else
        {
            rule = rules.ForYear(year);
            if (rule is null)
            {
                Fail(CanonicalColumns.Tahun, "no rule version applies to this year; name it in an 'aturan' column");
                return null;
            }
        }
        var metrics = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        decimal? Number(string column, decimal max, string what)
        {
            var text = Get(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (!LkeNumber.TryParse(text, out var value) || value < 0 || value > max)
            {
                Fail(column, $"{what} must be a number from 0 to {LkeNumber.Canonical(max)} under rule {rule.Id}");
                return null;
            }
            return value;
        }

        foreach (var area in rule.Areas)
        {
            var code = area.Code.ToLowerInvariant();
            var total = Number(code, area.Weight, $"area {area.Code}");
            var pemenuhan = rule.SplitsPemenuhanReform ? Number($"{code}_pemenuhan", area.Pemenuhan!.Value, $"{area.Code} pemenuhan") : null;
            var reform = rule.SplitsPemenuhanReform ? Number($"{code}_reform", area.Reform!.Value, $"{area.Code} reform") : null;
            if (!rule.SplitsPemenuhanReform && (Get($"{code}_pemenuhan").Length > 0 || Get($"{code}_reform").Length > 0))
            {
                Fail($"{code}_pemenuhan", $"rule {rule.Id} has no pemenuhan/reform split; give the area total in column '{code}'");
            }
            if (pemenuhan is { } p && reform is { } r)
            {
                metrics[$"area:{area.Code}:pemenuhan"] = p;
                metrics[$"area:{area.Code}:reform"] = r;
                if (total is { } t && Math.Abs(t - (p + r)) > 0.01m)
                {
                    Fail(code, $"area {area.Code} is given as {LkeNumber.Canonical(t)} but pemenuhan + reform = {LkeNumber.Canonical(p + r)}");
                }
                total ??= p + r;
            }
            if (total is null)
            {
                if (header.Find(code) is null && header.Find($"{code}_pemenuhan") is null)
                {
                    Fail(CanonicalColumns.KodeUnit, $"the recap has no column for area {area.Code} ('{code}'{(rule.SplitsPemenuhanReform ? $" or '{code}_pemenuhan' and '{code}_reform'" : "")})");
                }
                else if (errors.Count == before)
                {
                    Fail(code, $"area {area.Code} has no score");
                }
                continue;
            }
            metrics[$"area:{area.Code}"] = total.Value;
        }
        foreach (var part in rule.HasilParts)
        {
            var code = part.Code.ToLowerInvariant();
            var points = Number(code, part.Weight, part.Name);
            if (points is null && part.Kind == AnswerKind.INDEKS && Number($"indeks_{code}", rule.IndexMax, $"the {part.Code} index") is { } index)
            {
                points = index / rule.IndexMax * part.Weight;
            }
            // A part the LKE asks as a percentage (52/2014 TLHP, 0–100%): % ÷ 100 × its weight.
            if (points is null && part.Kind == AnswerKind.PERSEN && Number($"persen_{code}", 100m, $"the {part.Code} percentage") is { } percent)
            {
                points = percent / 100m * part.Weight;
            }
            if (points is not null)
            {
                metrics[$"part:{part.Code}"] = points.Value;
            }
        }
        var pengungkit = rule.Areas.Sum(a => metrics.GetValueOrDefault($"area:{a.Code}"));
        var partsKnown = rule.HasilParts.All(p => metrics.ContainsKey($"part:{p.Code}"));
        decimal? hasil = partsKnown ? rule.HasilParts.Sum(p => metrics[$"part:{p.Code}"]) : null;
        var given = Totals.ToDictionary(t => t, t => Number(t, t == "hasil" ? rule.HasilWeight : t == "pengungkit" ? rule.PengungkitWeight : rule.Total, t));
        if (errors.Count > before)
        {
            return null;
        }
        var row = new RecapRow(line, unitId, year, Get(CanonicalColumns.NamaUnit) is { Length: > 0 } n ? n : unitId, Get(CanonicalColumns.Instansi), rule.Id, metrics);
        if (hasil is null && (given["hasil"] ?? (given["total"] is { } givenTotal ? givenTotal - pengungkit : null)) is { } derived)
        {
            metrics["hasil"] = derived;
            hasil = derived;
        }
        void Check(string column, decimal? computed)
        {
            if (given[column] is { } g && computed is { } c && Math.Abs(g - c) > 0.01m)
            {
                findings.Add((row, new Finding(Reviewer.Unit, table.Sheet ?? "", table.Sheet is null ? $"{column}, line {line}" : $"{Spreadsheets.Cell.ColumnName(header[column] + 1)}{line}", Finding.Value, column, g, c,
                    $"line {line}: the recap gives {column} {LkeNumber.Canonical(g)}, its parts add up to {LkeNumber.Canonical(Math.Round(c, 4))}")));
            }
        }
        Check("pengungkit", pengungkit);
        Check("hasil", partsKnown ? hasil : null);
        Check("total", hasil is { } h ? pengungkit + h : null);
        return row;
    }

    private static string Hash(RecapRow row)
    {
        var text = new StringBuilder().Append(row.Name).Append('\u001f').Append(row.Instansi).Append('\u001f').Append(row.RuleId);
        foreach (var (metric, value) in row.Metrics)
        {
            text.Append('\u001e').Append(metric).Append('=').Append(LkeNumber.Canonical(value));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
