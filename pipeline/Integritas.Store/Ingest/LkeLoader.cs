using System.Diagnostics;
using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;

using Integritas.Store.Queries;
using Integritas.Spreadsheets;

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
/// Lands one file's LKE rows, whole or not at all, inside one transaction: rows go straight into the answer
/// table under provisional version ids while each unit-year-layer's name, rule, counts and content
/// fingerprint are kept aside; the checks that need the whole file (duplicates, weight consistency,
/// placement, area sums) then run as aggregates over those rows. Each unit-year-layer whose fingerprint
/// differs from its current stored version becomes a new current version; the rows of the others are
/// taken out again, so a file whose content is already current changes nothing.
/// </summary>
public sealed class LkeLoader(RuleCatalog rules, TimeProvider clock, Action<IngestProgress>? progress = null)
{
    private const int ProgressEvery = 25_000;

    /// <summary>At most this many errors of one kind are read back from a check.</summary>
    private const int CheckLimit = 100;

    /// <summary>What is known of one unit-year-layer while its rows stream in.</summary>
    private sealed class Group(long id, LkeRow first)
    {
        public long Id { get; } = id;
        public LkeRow First { get; } = first;
        public ContentFingerprint Fingerprint { get; } = new();
        public int Questions { get; set; }
        public int Blank { get; set; }
    }

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, string format, ILkeRowSource source)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        long rows = 0;
        var groups = new Dictionary<(string Unit, int Year, Reviewer Reviewer), Group>();
        var names = new Dictionary<(string Unit, int Year), LkeRow>();
        using var tx = connection.BeginTransaction();
        var firstId = connection.Scalar<long>("SELECT coalesce(max(submission_id), 0) + 1 FROM submission");
        try
        {
            using var appender = connection.CreateAppender("answer");
            foreach (var row in source.Read(errors))
            {
                if (++rows % ProgressEvery == 0 && progress is not null)
                {
                    var position = source.Position;
                    progress(new IngestProgress(file.Name, rows, position?.Done, position?.Total));
                }
                var key = (row.UnitId, row.Year, row.Reviewer);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new Group(firstId + groups.Count, row);
                    groups[key] = group;
                }
                group.Questions++;
                group.Blank += row.Value is null ? 1 : 0;
                group.Fingerprint.Add(row.Area, row.Part.ToCode(), row.Indicator, LkeNumber.Canonical(row.Weight), row.Question, row.Kind.ToString(), row.Answer, row.Note ?? "");
                if (!names.TryGetValue((row.UnitId, row.Year), out var named))
                {
                    names[(row.UnitId, row.Year)] = row;
                }
                else if (named.UnitName != row.UnitName || named.Instansi != row.Instansi)
                {
                    var nameDiffers = named.UnitName != row.UnitName;
                    errors.Add(new IngestError(file.Name,
                        $"unit {Excerpt.Of(row.UnitId)}, year {row.Year} is named '{Excerpt.Of(nameDiffers ? named.UnitName : named.Instansi)}' on line {named.Line}; one unit-year has one name and instansi",
                        row.Line, nameDiffers ? CanonicalColumns.NamaUnit : CanonicalColumns.Instansi, nameDiffers ? row.UnitName : row.Instansi, row.Sheet));
                }
                appender.CreateRow()
                    .AppendValue(group.Id).AppendValue(row.Area).AppendValue(row.Part.ToCode()).AppendValue(row.Indicator).AppendValue(row.Weight)
                    .AppendValue(row.Question).AppendValue(row.Kind.ToString()).AppendValue(row.Answer).AppendValue(row.Value)
                    .AppendValue(row.Line).AppendValue(row.Sheet).AppendValue(row.Note).AppendValue(row.Cell)
                    .EndRow();
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
        var byId = groups.Values.ToDictionary(g => g.Id);
        foreach (var error in Checks(connection, file.Name, firstId, byId, source.Tainted))
        {
            errors.Add(error);
        }
        if (errors.Any)
        {
            tx.Rollback();
            return FileOutcome.Rejected(file.Path, format, rows, errors, timer.Elapsed);
        }

        var changes = Versions(connection, groups.Values);
        if (changes.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, format, FileStatus.Unchanged, rows, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, format, rows, clock);
        Commit(connection, changes, groups.Values, firstId, fileId);
        ScoreCards.Store(connection, rules, firstId);
        var findings = StoreFindings(connection, fileId, source.Findings, changes);
        tx.Commit();
        var landed = changes.Select(c => $"{c.UnitId} {c.Year}{(c.Reviewer == "unit" ? "" : $" [{c.Reviewer}]")} v{c.Version}{(c.Blank > 0 ? $" ({c.Blank} blank)" : "")}").ToList();
        return new FileOutcome(file.Path, format, FileStatus.Accepted, rows, landed, 0, [], timer.Elapsed) { Findings = findings };
    }

    /// <summary>
    /// The checks that need the whole file, over the rows just appended (ids from <paramref name="firstId"/>),
    /// as aggregates in the database — duplicates by question, weights and placement by indicator, area sums
    /// against the rule — so only the rows at fault come back and memory stays flat however large the file.
    /// </summary>
    private IEnumerable<IngestError> Checks(DuckDBConnection connection, string file, long firstId, Dictionary<long, Group> groups, IReadOnlySet<string> tainted)
    {
        (string Unit, int Year) Of(long id) => (groups[id].First.UnitId, groups[id].First.Year);
        string? SheetOf(long id) => groups[id].First.Sheet;
        var first = ("first", (object?)firstId);
        foreach (var r in connection.Query($"""
            WITH dup AS (SELECT submission_id, question FROM answer WHERE submission_id >= $first GROUP BY ALL HAVING count(*) > 1)
            SELECT source_line, question, submission_id, first_line FROM (
                SELECT a.source_line, a.question, a.submission_id, min(a.source_line) OVER (PARTITION BY a.submission_id, a.question) AS first_line
                FROM answer a JOIN dup USING (submission_id, question))
            WHERE source_line <> first_line ORDER BY source_line LIMIT {CheckLimit}
            """, first))
        {
            var (unit, year) = Of(r.GetInt64(2));
            yield return new IngestError(file, $"question {Excerpt.Of(r.GetString(1))} of unit {Excerpt.Of(unit)}, year {year} already appears on line {r.GetInt32(3)}",
                r.GetInt32(0), CanonicalColumns.Soal, r.GetString(1), SheetOf(r.GetInt64(2)));
        }
        foreach (var r in connection.Query($"""
            WITH bad AS (
                SELECT submission_id, indicator FROM answer WHERE submission_id >= $first
                GROUP BY submission_id, indicator
                HAVING min(indicator_weight) <> max(indicator_weight) OR min(area || ' ' || part) <> max(area || ' ' || part))
            SELECT a.source_line, a.submission_id, a.indicator, a.indicator_weight, a.area || ' ' || a.part,
                   first_value(a.indicator_weight) OVER w, first_value(a.area || ' ' || a.part) OVER w, first_value(a.source_line) OVER w
            FROM answer a JOIN bad USING (submission_id, indicator)
            WINDOW w AS (PARTITION BY a.submission_id, a.indicator ORDER BY a.source_line)
            ORDER BY a.source_line LIMIT {CheckLimit * 10}
            """, first))
        {
            var (line, id, indicator) = (r.GetInt32(0), r.GetInt64(1), r.GetString(2));
            if (r.GetDecimal(3) != r.GetDecimal(5))
            {
                yield return new IngestError(file,
                    $"indicator {Excerpt.Of(indicator)} was given weight {LkeNumber.Canonical(r.GetDecimal(5))} on line {r.GetInt32(7)}; every question of an indicator repeats the same weight",
                    line, CanonicalColumns.Bobot, LkeNumber.Canonical(r.GetDecimal(3)), SheetOf(id));
            }
            else if (r.GetString(4) != r.GetString(6))
            {
                yield return new IngestError(file, $"indicator {Excerpt.Of(indicator)} is placed under {Excerpt.Of(r.GetString(4))} here but under {Excerpt.Of(r.GetString(6))} on line {r.GetInt32(7)}",
                    line, CanonicalColumns.Indikator, indicator, SheetOf(id));
            }
        }

        // Area sums against the rule, in the database: only the unit-years at fault come back.
        connection.Execute("CREATE OR REPLACE TEMP TABLE expected_parts (rule_version VARCHAR, area VARCHAR, part VARCHAR, weight DECIMAL(18, 6))");
        connection.Execute("CREATE OR REPLACE TEMP TABLE loaded_versions (submission_id BIGINT, rule_version VARCHAR)");
        using (var expected = connection.CreateAppender("temp", "main", "expected_parts"))
        {
            foreach (var rule in groups.Values.Select(g => g.First.RuleVersion).Distinct().Select(id => rules.Find(id)!))
            {
                foreach (var (area, part, weight) in LkeStructureCheck.Expected(rule))
                {
                    expected.CreateRow().AppendValue(rule.Id).AppendValue(area).AppendValue(part.ToCode()).AppendValue(weight).EndRow();
                }
            }
        }
        using (var loaded = connection.CreateAppender("temp", "main", "loaded_versions"))
        {
            foreach (var g in groups.Values)
            {
                loaded.CreateRow().AppendValue(g.Id).AppendValue(g.First.RuleVersion).EndRow();
            }
        }
        var faults = connection.Query($"""
            WITH indicators AS (
                SELECT submission_id, indicator, min(area) AS area, min(part) AS part, min(indicator_weight) AS weight, min(source_line) AS first_line
                FROM answer WHERE submission_id >= $first GROUP BY submission_id, indicator),
            sums AS (SELECT submission_id, area, part, sum(weight) AS total, min(first_line) AS first_line FROM indicators GROUP BY ALL),
            firsts AS (SELECT submission_id, min(first_line) AS first_line FROM sums GROUP BY submission_id)
            SELECT v.submission_id, e.area, e.part, s.total, coalesce(s.first_line, f.first_line)
            FROM loaded_versions v
            JOIN expected_parts e USING (rule_version)
            JOIN firsts f USING (submission_id)
            LEFT JOIN sums s ON s.submission_id = v.submission_id AND s.area = e.area AND s.part = e.part
            WHERE s.total IS DISTINCT FROM e.weight
            ORDER BY 5 LIMIT {CheckLimit}
            """, first)
            .Select(r => (Id: r.GetInt64(0), Area: r.GetString(1), Part: r.GetString(2), Total: r.IsDBNull(3) ? (decimal?)null : r.GetDecimal(3), FirstLine: r.GetInt32(4)))
            .ToList()
            .Select(f =>
            {
                // The indicators an offending area-part holds, in the order the file gives them (read for offenders only).
                var indicators = connection.Query("""
                    SELECT indicator FROM answer WHERE submission_id = $id AND area = $area AND part = $part
                    GROUP BY indicator ORDER BY min(source_line)
                    """, ("id", f.Id), ("area", f.Area), ("part", f.Part)).Select(r => r.GetString(0)).ToArray();
                var head = groups[f.Id].First;
                LkeCodes.TryParsePart(f.Part, out var part);
                return (head.Sheet, Sum: new PartWeightSum(head.UnitId, head.Year, head.Reviewer, head.RuleVersion, f.Area, part, f.Total, f.FirstLine, indicators));
            })
            .Where(x => !tainted.Contains($"{x.Sum.UnitId}|{x.Sum.Year}"))
            .ToList();
        connection.Execute("DROP TABLE temp.expected_parts");
        connection.Execute("DROP TABLE temp.loaded_versions");
        foreach (var (sheet, sum) in faults)
        {
            yield return LkeStructureCheck.Error(file, rules.Find(sum.RuleVersion)!, sum) with { Sheet = sheet };
        }
    }

    private static Reviewer ParseReviewer(string code) =>
        LkeCodes.TryParseReviewer(code, out var reviewer) ? reviewer : throw new InvalidOperationException($"Unknown reviewer '{code}'.");

    private sealed record Change(long Id, string UnitId, int Year, string Reviewer, int Version, long? Replaces, string Name, string Instansi, string Rule, string Hash, int Questions, int Blank);

    /// <summary>The unit-year-layers whose content fingerprint differs from their current stored version.</summary>
    private static List<Change> Versions(DuckDBConnection connection, IEnumerable<Group> groups)
    {
        var current = connection.Query("SELECT unit_id, year, reviewer, content_hash, version, submission_id FROM submission WHERE is_current")
            .Select(r => (Key: (r.GetString(0), r.GetInt32(1), r.GetString(2)), Hash: r.GetString(3), Version: r.GetInt32(4), Id: r.GetInt64(5)))
            .ToDictionary(x => x.Key);
        var changes = new List<Change>();
        foreach (var g in groups.OrderBy(g => g.First.UnitId, StringComparer.Ordinal).ThenBy(g => g.First.Year).ThenBy(g => g.First.Reviewer))
        {
            var head = g.First;
            var hash = g.Fingerprint.Hash(head.UnitName, head.Instansi, head.RuleVersion);
            var key = (head.UnitId, head.Year, head.Reviewer.ToCode());
            if (current.TryGetValue(key, out var stored) && stored.Hash == hash)
            {
                continue;
            }
            changes.Add(new Change(g.Id, head.UnitId, head.Year, key.Item3, current.TryGetValue(key, out var previous) ? previous.Version + 1 : 1,
                current.TryGetValue(key, out var replaced) ? replaced.Id : null, head.UnitName, head.Instansi, head.RuleVersion, hash, g.Questions, g.Blank));
        }
        return changes;
    }

    private void Commit(DuckDBConnection connection, List<Change> changes, IEnumerable<Group> groups, long firstId, long fileId)
    {
        var changed = changes.Select(c => c.Id).ToHashSet();
        var unchanged = groups.Select(g => g.Id).Where(id => !changed.Contains(id)).ToList();
        if (unchanged.Count > 0)
        {
            // Rows of unit-year-layers whose content is already current go out again.
            connection.Execute($"DELETE FROM answer WHERE submission_id >= $first AND submission_id IN ({string.Join(',', unchanged)})", ("first", firstId));
        }
        var replaced = changes.Where(c => c.Replaces is not null).Select(c => c.Replaces!.Value).ToList();
        if (replaced.Count > 0)
        {
            connection.Execute($"UPDATE submission SET is_current = false WHERE submission_id IN ({string.Join(',', replaced)})");
        }
        using var appender = connection.CreateAppender("submission");
        var now = clock.GetUtcNow();
        foreach (var c in changes)
        {
            appender.CreateRow()
                .AppendValue(c.Id).AppendValue(c.UnitId).AppendValue(c.Year).AppendValue(c.Reviewer).AppendValue(c.Version).AppendValue(true)
                .AppendValue(c.Name).AppendValue(c.Instansi).AppendValue(c.Rule).AppendValue(c.Hash).AppendValue(fileId).AppendValue(now)
                .AppendValue(c.Questions).AppendValue(c.Blank).AppendValue("items")
                .EndRow();
        }
    }

    /// <summary>
    /// Stores the file's findings for the unit-years it changed (a layer's findings with its layer; findings
    /// about the sheet itself with the first layer the file landed), and returns them.
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
