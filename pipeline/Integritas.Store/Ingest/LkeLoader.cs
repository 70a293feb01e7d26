using System.Diagnostics;
using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;

namespace Integritas.Store.Ingest;

/// <summary>
/// A parser's output for one file: validated rows (streamed), with every row-level error added to the
/// list it is given, and the LKEs (unit|year) that had a faulty row, whose whole-LKE checks would only
/// repeat the fault.
/// </summary>
public interface ILkeRowSource
{
    IEnumerable<LkeRow> Read(ErrorList errors);

    IReadOnlySet<string> Tainted { get; }

    /// <summary>What the file says that is not an error; complete once <see cref="Read"/> has been enumerated.</summary>
    IReadOnlyList<Finding> Findings => [];

    /// <summary>How far through its input the source is, in bytes (null when it cannot tell).</summary>
    (long Done, long Total)? Position => null;
}

/// <summary>Progress through one file: rows read so far and, where known, bytes of the file read.</summary>
public sealed record IngestProgress(string File, long Rows, long? BytesDone, long? BytesTotal);

/// <summary>
/// Lands one file's LKE rows, whole or not at all: stages them inside one transaction, runs the checks
/// that need the whole file (duplicates, weight consistency, area sums), then stores each unit-year-layer
/// whose content changed as a new current version. A file whose content is already current changes nothing.
/// </summary>
public sealed class LkeLoader(RuleCatalog rules, TimeProvider clock, Action<IngestProgress>? progress = null)
{
    private const int ProgressEvery = 25_000;

    /// <summary>At most this many errors of one kind are read back from a check.</summary>
    private const int CheckLimit = 100;

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, string format, ILkeRowSource source)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        long rows = 0;
        using var tx = connection.BeginTransaction();
        try
        {
            connection.Execute("DELETE FROM stage_answer");
            connection.Execute("DELETE FROM stage_submission");
            using (var appender = connection.CreateAppender("stage_answer"))
            {
                foreach (var row in source.Read(errors))
                {
                    if (++rows % ProgressEvery == 0 && progress is not null)
                    {
                        var position = source.Position;
                        progress(new IngestProgress(file.Name, rows, position?.Done, position?.Total));
                    }
                    appender.CreateRow()
                        .AppendValue(row.Line).AppendValue(row.UnitId).AppendValue(row.Year).AppendValue(row.Reviewer.ToCode())
                        .AppendValue(row.UnitName).AppendValue(row.Instansi).AppendValue(row.RuleVersion)
                        .AppendValue(row.Area).AppendValue(row.Part.ToCode()).AppendValue(row.Indicator).AppendValue(row.Weight)
                        .AppendValue(row.Question).AppendValue(row.Kind.ToString()).AppendValue(row.Answer).AppendValue(row.Value)
                        .AppendValue(row.Sheet).AppendValue(row.Note).AppendValue(row.Cell)
                        .EndRow();
                }
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
            tx.Rollback();
            return FileOutcome.Rejected(file.Path, format, rows, errors, timer.Elapsed);
        }

        if (rows == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no answer rows"));
        }
        foreach (var error in StageChecks(connection, file.Name, source.Tainted))
        {
            errors.Add(error);
        }
        if (errors.Any)
        {
            tx.Rollback();
            return FileOutcome.Rejected(file.Path, format, rows, errors, timer.Elapsed);
        }

        var changes = Versions(connection);
        if (changes.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, format, FileStatus.Unchanged, rows, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, format, rows, clock);
        Commit(connection, changes, fileId);
        var findings = StoreFindings(connection, fileId, source.Findings, changes);
        tx.Commit();
        var landed = changes.Select(c => $"{c.UnitId} {c.Year}{(c.Reviewer == "unit" ? "" : $" [{c.Reviewer}]")} v{c.Version}{(c.Blank > 0 ? $" ({c.Blank} blank)" : "")}").ToList();
        return new FileOutcome(file.Path, format, FileStatus.Accepted, rows, landed, 0, [], timer.Elapsed) { Findings = findings };
    }

    private IEnumerable<IngestError> StageChecks(DuckDBConnection connection, string file, IReadOnlySet<string> tainted)
    {
        foreach (var r in connection.Query($"""
            SELECT line, question, unit_id, year, first_line FROM (
                SELECT line, question, unit_id, year,
                       min(line) OVER (PARTITION BY unit_id, year, reviewer, question) AS first_line
                FROM stage_answer)
            WHERE line <> first_line ORDER BY line LIMIT {CheckLimit}
            """))
        {
            yield return new IngestError(file, $"question {r.GetString(1)} of unit {r.GetString(2)}, year {r.GetInt32(3)} already appears on line {r.GetInt32(4)}",
                r.GetInt32(0), CanonicalColumns.Soal, r.GetString(1));
        }
        foreach (var r in connection.Query($"""
            SELECT line, indicator, weight, first_weight, first_line FROM (
                SELECT line, indicator, weight,
                       first_value(weight) OVER w AS first_weight, first_value(line) OVER w AS first_line
                FROM stage_answer
                WINDOW w AS (PARTITION BY unit_id, year, reviewer, indicator ORDER BY line))
            WHERE weight <> first_weight ORDER BY line LIMIT {CheckLimit}
            """))
        {
            yield return new IngestError(file,
                $"indicator {r.GetString(1)} was given weight {LkeNumber.Canonical(r.GetDecimal(3))} on line {r.GetInt32(4)}; every question of an indicator repeats the same weight",
                r.GetInt32(0), CanonicalColumns.Bobot, LkeNumber.Canonical(r.GetDecimal(2)));
        }
        foreach (var r in connection.Query($"""
            SELECT line, indicator, area || ' ' || part, first_place, first_line FROM (
                SELECT line, indicator, area, part,
                       first_value(area || ' ' || part) OVER w AS first_place, first_value(line) OVER w AS first_line
                FROM stage_answer
                WINDOW w AS (PARTITION BY unit_id, year, reviewer, indicator ORDER BY line))
            WHERE area || ' ' || part <> first_place ORDER BY line LIMIT {CheckLimit}
            """))
        {
            yield return new IngestError(file, $"indicator {r.GetString(1)} is placed under {r.GetString(2)} here but under {r.GetString(3)} on line {r.GetInt32(4)}",
                r.GetInt32(0), CanonicalColumns.Indikator, r.GetString(1));
        }
        foreach (var r in connection.Query($"""
            SELECT line, unit_id, year, unit_name, first_name, instansi, first_instansi, first_line FROM (
                SELECT line, unit_id, year, unit_name, instansi,
                       first_value(unit_name) OVER w AS first_name, first_value(instansi) OVER w AS first_instansi,
                       first_value(line) OVER w AS first_line
                FROM stage_answer
                WINDOW w AS (PARTITION BY unit_id, year ORDER BY line))
            WHERE unit_name <> first_name OR instansi <> first_instansi ORDER BY line LIMIT {CheckLimit}
            """))
        {
            var nameDiffers = r.GetString(3) != r.GetString(4);
            yield return new IngestError(file,
                $"unit {r.GetString(1)}, year {r.GetInt32(2)} is named '{(nameDiffers ? r.GetString(4) : r.GetString(6))}' on line {r.GetInt32(7)}; one unit-year has one name and instansi",
                r.GetInt32(0), nameDiffers ? CanonicalColumns.NamaUnit : CanonicalColumns.Instansi, nameDiffers ? r.GetString(3) : r.GetString(5));
        }

        var sums = connection.Query("""
            SELECT unit_id, year, reviewer, rule_version, area, part, sum(weight), min(first_line), list(indicator ORDER BY first_line)
            FROM (SELECT unit_id, year, reviewer, rule_version, area, part, indicator, min(weight) AS weight, min(line) AS first_line
                  FROM stage_answer GROUP BY ALL)
            GROUP BY ALL
            """)
            .Select(r => new PartWeightSum(r.GetString(0), r.GetInt32(1), ParseReviewer(r.GetString(2)), r.GetString(3), r.GetString(4),
                LkeCodes.TryParsePart(r.GetString(5), out var part) ? part : throw new InvalidOperationException(r.GetString(5)),
                r.GetDecimal(6), r.GetInt32(7), ((List<string>)r.GetValue(8)).ToArray()))
            .Where(s => !tainted.Contains($"{s.UnitId}|{s.Year}"))
            .ToList();
        foreach (var error in LkeStructureCheck.CheckPartSums(file, rules, sums))
        {
            yield return error;
        }
    }

    private static Reviewer ParseReviewer(string code) =>
        LkeCodes.TryParseReviewer(code, out var reviewer) ? reviewer : throw new InvalidOperationException($"Unknown reviewer '{code}' in staging.");

    private sealed record Change(string UnitId, int Year, string Reviewer, int Version, long? Replaces, string Name, string Instansi, string Rule, string Hash, int Questions, int Blank);

    private static List<Change> Versions(DuckDBConnection connection) =>
        [.. connection.Query("""
            SELECT s.unit_id, s.year, s.reviewer, coalesce(c.version, 0) + 1, c.submission_id,
                   s.unit_name, s.instansi, s.rule_version, s.hash, s.questions, s.blanks
            FROM (SELECT unit_id, year, reviewer,
                         any_value(unit_name) AS unit_name, any_value(instansi) AS instansi, any_value(rule_version) AS rule_version,
                         sha256(any_value(unit_name) || chr(31) || any_value(instansi) || chr(30) ||
                                string_agg(concat_ws(chr(31), area, part, indicator, weight::VARCHAR, question, kind, answer, coalesce(note, '')),
                                           chr(30) ORDER BY question)) AS hash,
                         count(*)::INTEGER AS questions, (count(*) - count(value))::INTEGER AS blanks
                  FROM stage_answer GROUP BY unit_id, year, reviewer) s
            LEFT JOIN submission c
                   ON c.unit_id = s.unit_id AND c.year = s.year AND c.reviewer = s.reviewer AND c.is_current
            WHERE c.content_hash IS DISTINCT FROM s.hash
            ORDER BY s.unit_id, s.year, s.reviewer
            """)
            .Select(r => new Change(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetInt32(9), r.GetInt32(10)))];

    private void Commit(DuckDBConnection connection, List<Change> changes, long fileId)
    {
        var nextId = connection.Scalar<long>("SELECT coalesce(max(submission_id), 0) + 1 FROM submission");
        using (var appender = connection.CreateAppender("stage_submission"))
        {
            foreach (var c in changes)
            {
                appender.CreateRow()
                    .AppendValue(nextId++).AppendValue(c.UnitId).AppendValue(c.Year).AppendValue(c.Reviewer).AppendValue(c.Version)
                    .AppendValue(c.Replaces).AppendValue(c.Name).AppendValue(c.Instansi).AppendValue(c.Rule).AppendValue(c.Hash)
                    .AppendValue(c.Questions).AppendValue(c.Blank).AppendValue("items")
                    .EndRow();
            }
        }
        connection.Execute("""
            UPDATE submission SET is_current = false
            WHERE submission_id IN (SELECT replaces_id FROM stage_submission WHERE replaces_id IS NOT NULL)
            """);
        connection.Execute("""
            INSERT INTO submission
            SELECT submission_id, unit_id, year, reviewer, version, true, unit_name, instansi, rule_version, content_hash,
                   $file, $now, question_count, blank_count, source_kind
            FROM stage_submission
            """, ("file", fileId), ("now", clock.GetUtcNow()));
        connection.Execute("""
            INSERT INTO answer
            SELECT g.submission_id, a.area, a.part, a.indicator, a.weight, a.question, a.kind, a.answer, a.value, a.line, a.sheet, a.note, a.cell
            FROM stage_answer a JOIN stage_submission g USING (unit_id, year, reviewer)
            """);
        connection.Execute("DELETE FROM stage_answer");
        connection.Execute("DELETE FROM stage_submission");
    }

    /// <summary>
    /// Stores the file's findings for the unit-years it changed (a layer's findings with its layer; findings
    /// about the sheet itself with every layer the file landed), and returns them.
    /// </summary>
    private static IReadOnlyList<Finding> StoreFindings(DuckDBConnection connection, long fileId, IReadOnlyList<Finding> findings, List<Change> changes)
    {
        if (findings.Count == 0)
        {
            return [];
        }
        var stored = new List<Finding>();
        using var appender = connection.CreateAppender("finding");
        foreach (var change in changes)
        {
            var layer = ParseReviewer(change.Reviewer);
            var firstLayer = changes.Where(c => c.UnitId == change.UnitId && c.Year == change.Year).Min(c => ParseReviewer(c.Reviewer));
            foreach (var f in findings)
            {
                var aboutTheSheet = f.Level is Finding.AnswerKind or Finding.IgnoredRow;
                if (aboutTheSheet ? layer != firstLayer : f.Reviewer != layer)
                {
                    continue;
                }
                appender.CreateRow().AppendValue(fileId).AppendValue(change.UnitId).AppendValue(change.Year).AppendValue(change.Reviewer)
                    .AppendValue(f.Sheet).AppendValue(f.Cell).AppendValue(f.Level).AppendValue(f.Item).AppendValue(f.Cached).AppendValue(f.Recomputed)
                    .AppendValue(f.Message).EndRow();
                stored.Add(f with { Reviewer = layer });
            }
        }
        return stored;
    }
}

internal static class SourceFiles
{
    public static long Add(DuckDBConnection connection, SourceFile file, string format, long rows, TimeProvider clock)
    {
        var id = connection.Scalar<long>("SELECT coalesce(max(file_id), 0) + 1 FROM source_file");
        connection.Execute("INSERT INTO source_file VALUES ($id, $path, $name, $sha, $format, $size, $rows, $now)",
            ("id", id), ("path", file.Path), ("name", file.Name), ("sha", file.Sha256), ("format", format), ("size", file.Size),
            ("rows", rows), ("now", clock.GetUtcNow()));
        return id;
    }
}
