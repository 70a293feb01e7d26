using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Store.Queries;

/// <summary>One stored version of a unit-year-layer LKE or recap: where it came from and what it scored.</summary>
public sealed record VersionInfo(
    long SubmissionId,
    string UnitId,
    int Year,
    Reviewer Layer,
    int Version,
    bool Current,
    string Kind,
    DateTimeOffset IngestedAt,
    string File,
    string Format,
    string Sha256,
    int Questions,
    int BlankQuestions,
    decimal? Total,
    string Readiness);

/// <summary>A finding of a file that produced a current version.</summary>
public sealed record FindingInfo(string UnitId, string UnitName, int Year, Reviewer Layer, string File, string? Sheet, string? Cell, string Level, string? Item,
    decimal? Cached, decimal? Recomputed, string Message);

/// <summary>One stored answer and the place it was read from.</summary>
public sealed record AnswerLineage(string Question, string Indicator, string Kind, string Answer, decimal? Value, string File, string FileSha256, string? Sheet,
    int Line, string? Cell, string? Note);

/// <summary>
/// A file that landed data: its format, size and fingerprint, and the unit-year versions it still backs
/// (<see cref="CurrentVersions"/>, with their years; 0 and null for facts, predicates and other non-LKE files).
/// </summary>
public sealed record SourceFileInfo(string File, string Format, long Rows, string Sha256, int CurrentVersions, int? FirstYear, int? LastYear);

/// <summary>Where every stored figure came from: versions, findings, answers with their file, sheet and cell.</summary>
public sealed class Lineage(RuleCatalog rules)
{
    public IReadOnlyList<VersionInfo> History(DuckDBConnection connection, string unitId, int? year = null)
    {
        var versions = connection.Query("""
            SELECT s.submission_id, s.unit_id, s.year, s.reviewer, s.version, s.is_current, s.source_kind, s.ingested_at,
                   f.file_name, f.format, f.sha256, s.question_count, s.blank_count
            FROM submission s JOIN source_file f USING (file_id)
            WHERE s.unit_id = $unit AND ($year IS NULL OR s.year = $year)
            ORDER BY s.year, CASE s.reviewer WHEN 'unit' THEN 1 WHEN 'tpi_unit' THEN 2 WHEN 'tpi_itjen' THEN 3 ELSE 4 END, s.version
            """, ("unit", unitId), ("year", year))
            .Select(r => (Id: r.GetInt64(0), Unit: r.GetString(1), Year: r.GetInt32(2), Layer: r.GetString(3), Version: r.GetInt32(4), Current: r.GetBoolean(5),
                Kind: r.GetString(6), At: Timestamp(r.GetValue(7)), File: r.GetString(8), Format: r.GetString(9), Sha: r.GetString(10), Questions: r.GetInt32(11), Blank: r.GetInt32(12)))
            .ToList();
        var scores = new ScoreQueries(rules);
        return [.. versions.Select(v =>
        {
            var score = scores.Load(connection, new ScoreFilter(SubmissionId: v.Id)).SingleOrDefault();
            LkeCodes.TryParseReviewer(v.Layer, out var layer);
            return new VersionInfo(v.Id, v.Unit, v.Year, layer, v.Version, v.Current, v.Kind, v.At, v.File, v.Format, v.Sha, v.Questions, v.Blank,
                score?.Card.Total, score?.Readiness.Verdict ?? "-");
        })];
    }

    /// <summary>DuckDB hands TIMESTAMPTZ back as a UTC DateTime.</summary>
    private static DateTimeOffset Timestamp(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Unexpected timestamp {value.GetType()}"),
    };

    public static IReadOnlyList<FindingInfo> Findings(DuckDBConnection connection, int? year, string? unitId = null) =>
        [.. connection.Query("""
            SELECT s.unit_id, s.unit_name, s.year, s.reviewer, f.file_name, x.sheet, x.cell, x.level, x.item, x.cached, x.recomputed, x.message
            FROM finding x
            JOIN submission s ON s.file_id = x.file_id AND s.unit_id = x.unit_id AND s.year = x.year AND s.reviewer = x.reviewer AND s.is_current
            JOIN source_file f ON f.file_id = x.file_id
            WHERE ($year IS NULL OR s.year = $year) AND ($unit IS NULL OR s.unit_id = $unit)
            ORDER BY s.unit_id, s.year, s.reviewer, x.sheet, x.level, x.item, x.cell
            """, ("year", year), ("unit", unitId))
            .Select(r =>
            {
                LkeCodes.TryParseReviewer(r.GetString(3), out var layer);
                return new FindingInfo(r.GetString(0), r.GetString(1), r.GetInt32(2), layer, r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetDecimal(9), r.IsDBNull(10) ? null : r.GetDecimal(10), r.GetString(11));
            })];

    /// <summary>Every file stored, by name (then fingerprint, for a name ingested twice with different content).</summary>
    public static IReadOnlyList<SourceFileInfo> Sources(DuckDBConnection connection) =>
        [.. connection.Query("""
            SELECT f.file_name, f.format, f.row_count, f.sha256,
                   count(s.submission_id) FILTER (WHERE s.is_current), min(s.year) FILTER (WHERE s.is_current), max(s.year) FILTER (WHERE s.is_current)
            FROM source_file f LEFT JOIN submission s USING (file_id)
            GROUP BY f.file_id, f.file_name, f.format, f.row_count, f.sha256
            ORDER BY f.file_name, f.sha256
            """)
            .Select(r => new SourceFileInfo(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), (int)r.GetInt64(4),
                r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6)))];

    public static IReadOnlyList<AnswerLineage> Answers(DuckDBConnection connection, long submissionId) =>
        [.. connection.Query("""
            SELECT a.question, a.indicator, a.kind, a.answer, a.value, f.file_name, f.sha256, a.source_sheet, a.source_line, a.source_cell, a.note
            FROM answer a JOIN submission s USING (submission_id) JOIN source_file f ON f.file_id = s.file_id
            WHERE a.submission_id = $id
            ORDER BY a.source_line, a.question
            """, ("id", submissionId))
            .Select(r => new AnswerLineage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetDecimal(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10)))];
}
