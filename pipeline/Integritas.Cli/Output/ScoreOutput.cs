using System.Text.Json;
using System.Text.Json.Serialization;
using Integritas.Analytics;
using Integritas.Domain.Formatting;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Cli.Output;

/// <summary>
/// The stable JSON shape of one unit-year's scores (documented in README.md). Scores are rounded half up
/// to 2 decimals: the values readiness is decided on.
/// </summary>
public sealed record ScoreRecord(
    string UnitId,
    string UnitName,
    string Instansi,
    int Year,
    string RuleVersion,
    IReadOnlyList<string> AmendedBy,
    string Layer,
    int Version,
    IReadOnlyDictionary<string, AreaRecord> Areas,
    decimal? Pemenuhan,
    decimal? Reform,
    decimal Pengungkit,
    decimal? Ipak,
    decimal? Capaian,
    decimal? Ipkp,
    decimal? Hasil,
    decimal? Total,
    int Questions,
    int BlankQuestions,
    bool Complete,
    string Readiness,
    string ScoreReadiness,
    string? NextLevel,
    decimal? PointsNeeded,
    IReadOnlyList<ShortfallRecord> Shortfalls,
    string? HeldBelow,
    decimal? HeldBelowPointsNeeded,
    IReadOnlyList<ShortfallRecord> HeldShortfalls)
{
    public static ScoreRecord From(UnitYearScore s)
    {
        var card = s.Card;
        var areas = card.Areas.ToDictionary(a => a.Code, a => new AreaRecord(
            Score.Round2(a.Pemenuhan), Score.Round2(a.Reform), Score.Round2(a.Total), Score.Round2(a.Percent)));
        return new ScoreRecord(
            s.Unit.UnitId, s.Unit.UnitName, s.Unit.Instansi, s.Year, card.Rule.Id, [.. card.Rule.Amendments.Select(a => a.Id)], s.Layer.ToCode(), s.Version, areas,
            Score.Round2(card.Pemenuhan), Score.Round2(card.Reform), Score.Round2(card.Pengungkit),
            Score.Round2(card.Part("IPAK")), Score.Round2(card.Part("CAPAIAN")), Score.Round2(card.Part("IPKP")),
            Score.Round2(card.Hasil), Score.Round2(card.Total), card.Questions, card.BlankQuestions, card.IsComplete,
            s.Readiness.Verdict, s.Readiness.ScoreVerdict, s.Readiness.NextLevel, Score.Round2(s.Readiness.NextLevelPoints?.Total),
            [.. s.Readiness.Shortfalls.Select(ShortfallRecord.From)],
            s.Readiness.HeldBelow, Score.Round2(s.Readiness.HeldBelowPoints?.Total), [.. s.Readiness.HeldShortfalls.Select(ShortfallRecord.From)]);
    }
}

public sealed record AreaRecord(decimal? Pemenuhan, decimal? Reform, decimal Total, decimal Percent);

/// <summary>
/// An unmet criterion: what it is, the value found and the value required (unit: points, percent, count,
/// held or fact), and for facts the same as text (<c>WDP</c> against <c>≥ WTP</c>).
/// </summary>
public sealed record ShortfallRecord(string Criterion, string Label, string Status, decimal? Actual, decimal? Required, string Unit, string? ActualText, string? RequiredText, string? Note)
{
    public static ShortfallRecord From(CriterionResult c) => new(
        c.Criterion, c.Label, c.Status.ToString().ToLowerInvariant(), c.Actual, c.Required, UnitOf(c.Kind), c.ActualText, c.RequiredText, c.Note);

    public static string UnitOf(CriterionKind kind) => kind switch
    {
        CriterionKind.Percent => "percent",
        CriterionKind.BlankQuestions => "count",
        CriterionKind.Held => "held",
        CriterionKind.Prerequisite => "fact",
        _ => "points",
    };
}

/// <summary>One criterion of one level as checked: its status, whether it decides the verdict (binding), the values and their source's confidence.</summary>
public sealed record CriterionRecord(
    string Predicate, string Criterion, string Label, string Unit, string Status, bool Binding,
    decimal? Actual, decimal? Required, string? ActualText, string? RequiredText, string? Note, string? Confidence)
{
    public static CriterionRecord From(CriterionResult c) => new(
        c.Predicate, c.Criterion, c.Label, ShortfallRecord.UnitOf(c.Kind), c.Status.ToString().ToLowerInvariant(), c.Binding,
        c.Actual, c.Required, c.ActualText, c.RequiredText, c.Note, c.Confidence);
}

/// <summary>One candidate in <c>zi rank</c>: its place, readiness (all criteria and on the scores alone), points needed, open prerequisites and projection.</summary>
public sealed record RankRecord(
    int Rank,
    string Target,
    string UnitId,
    string UnitName,
    string Instansi,
    int Year,
    decimal? Total,
    string Readiness,
    string ScoreReadiness,
    bool Ready,
    bool ScoreReady,
    decimal? PointsNeeded,
    int PrerequisitesOpen,
    int BlankQuestions,
    decimal? ProjectedTotal,
    bool? ProjectedScoreReady,
    IReadOnlyList<ShortfallRecord> Shortfalls)
{
    public static RankRecord From(CandidateAnalysis c) => new(
        c.Rank, c.Target, c.Unit.UnitId, c.Unit.UnitName, c.Unit.Instansi, c.Score.Year,
        Score.Round2(c.Score.Card.Total), c.Score.Readiness.Verdict, c.Score.Readiness.ScoreVerdict, c.Ready, c.ScoreReady, Score.Round2(c.Needed.Total),
        c.PrerequisiteShortfalls.Count, c.Score.Card.BlankQuestions, Score.Round2(c.Projection?.Total), c.ProjectedScoreReady,
        [.. c.Shortfalls.Select(ShortfallRecord.From)]);
}

public static class ScoreOutput
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Scores(TextWriter output, IReadOnlyList<UnitYearScore> scores, string format)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(scores.Select(ScoreRecord.From), Json));
                break;
            case "csv":
                ScoresCsv(output, scores);
                break;
            default:
                ScoresTable(output, scores);
                break;
        }
    }

    public static void Rank(TextWriter output, IReadOnlyList<CandidateAnalysis> candidates, string format)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(candidates.Select(RankRecord.From), Json));
                break;
            case "csv":
                CsvOutput.Row(output, ["rank", "target", "unit_id", "unit_name", "instansi", "year", "total", "readiness", "score_readiness", "ready", "score_ready",
                    "points_needed", "prerequisites_open", "blank_questions", "projected_total", "projected_score_ready", "shortfalls"]);
                foreach (var c in candidates.Select(RankRecord.From))
                {
                    CsvOutput.Row(output, [CsvOutput.Cell(c.Rank), c.Target, CsvOutput.Cell(c.UnitId), CsvOutput.Cell(c.UnitName), CsvOutput.Cell(c.Instansi),
                        CsvOutput.Cell(c.Year), CsvOutput.Cell(c.Total), c.Readiness, c.ScoreReadiness, Bool(c.Ready), Bool(c.ScoreReady), CsvOutput.Cell(c.PointsNeeded),
                        CsvOutput.Cell(c.PrerequisitesOpen), CsvOutput.Cell(c.BlankQuestions), CsvOutput.Cell(c.ProjectedTotal),
                        c.ProjectedScoreReady is { } p ? Bool(p) : "", CsvOutput.Cell(ShortfallText(c.Shortfalls))]);
                }
                break;
            default:
                var target = candidates.FirstOrDefault()?.Target ?? "WBK";
                var table = new TextTable([
                    new("No", 3, Align.Right), new("Kode", 10), new("Unit kerja", 34, KeepEnd: true), new("Total", 6, Align.Right), new("Siap", 6),
                    new("Kurang", 6, Align.Right), new("Syarat", 6, Align.Right), new("Proyeksi", 8, Align.Right), new("Kekurangan menuju " + target, 28),
                ]);
                foreach (var c in candidates)
                {
                    table.Add(c.Rank.ToString(Formats.Indonesian), c.Unit.UnitId, c.Unit.UnitName, Num(c.Score.Card.Total),
                        c.Ready ? "ya" : c.ScoreReady ? "nilai" : "-", Num(c.Needed.Total),
                        c.PrerequisiteShortfalls.Count == 0 ? "-" : c.PrerequisiteShortfalls.Count.ToString(Formats.Indonesian),
                        Num(c.Projection?.Total), string.Join("; ", c.Shortfalls.Select(Reports.ReadinessText.ShortGap)));
                }
                table.Write(output);
                AnalyticsTables.Note(output, $"{candidates.Count} kandidat {target}: {candidates.Count(c => c.Ready)} siap, {candidates.Count(c => c.ScoreReady && !c.Ready)} siap menurut nilai " +
                    "(syarat pengusulan belum lengkap). Kurang = poin minimum agar semua kriteria nilai terpenuhi; Syarat = syarat 5/2024 yang belum terpenuhi; " +
                    "Proyeksi = nilai total tahun depan (lihat 'zi candidates').");
                break;
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static void ScoresCsv(TextWriter output, IReadOnlyList<UnitYearScore> scores)
    {
        var areaCodes = scores.Count == 0 ? [] : scores[0].Card.Areas.Select(a => a.Code).ToList();
        var header = new List<string> { "unit_id", "unit_name", "instansi", "year", "rule_version", "layer", "version" };
        foreach (var code in areaCodes)
        {
            header.AddRange([$"{code}_pemenuhan", $"{code}_reform", $"{code}_total", $"{code}_percent"]);
        }
        header.AddRange(["pemenuhan", "reform", "pengungkit", "ipak", "capaian", "ipkp", "hasil", "total", "questions", "blank_questions", "readiness", "score_readiness", "next_level", "points_needed", "shortfalls", "held_below", "held_below_points_needed"]);
        CsvOutput.Row(output, header);
        foreach (var r in scores.Select(ScoreRecord.From))
        {
            var cells = new List<string> { CsvOutput.Cell(r.UnitId), CsvOutput.Cell(r.UnitName), CsvOutput.Cell(r.Instansi), CsvOutput.Cell(r.Year), r.RuleVersion, r.Layer, CsvOutput.Cell(r.Version) };
            foreach (var code in areaCodes)
            {
                var a = r.Areas[code];
                cells.AddRange([CsvOutput.Cell(a.Pemenuhan), CsvOutput.Cell(a.Reform), CsvOutput.Cell(a.Total), CsvOutput.Cell(a.Percent)]);
            }
            cells.AddRange([CsvOutput.Cell(r.Pemenuhan), CsvOutput.Cell(r.Reform), CsvOutput.Cell(r.Pengungkit), CsvOutput.Cell(r.Ipak), CsvOutput.Cell(r.Capaian),
                CsvOutput.Cell(r.Ipkp), CsvOutput.Cell(r.Hasil), CsvOutput.Cell(r.Total), CsvOutput.Cell(r.Questions), CsvOutput.Cell(r.BlankQuestions),
                r.Readiness, r.ScoreReadiness, r.NextLevel ?? "", CsvOutput.Cell(r.PointsNeeded), CsvOutput.Cell(ShortfallText(r.Shortfalls)), r.HeldBelow ?? "", CsvOutput.Cell(r.HeldBelowPointsNeeded)]);
            CsvOutput.Row(output, cells);
        }
    }

    private static void ScoresTable(TextWriter output, IReadOnlyList<UnitYearScore> scores)
    {
        var areaCodes = scores.Count == 0 ? [] : scores[0].Card.Areas.Select(a => a.Code).ToList();
        // Every figure compared with a minimum in 2 decimals (Formats.Score): 59,98% must not read as 60.
        var columns = new List<Column> { new("Kode", 10), new("Unit kerja", 14, KeepEnd: true), new("Total", 6, Align.Right), new("Peng.", 5, Align.Right), new("Hasil", 5, Align.Right) };
        columns.AddRange(areaCodes.Select(c => new Column(c + "%", 6, Align.Right)));
        columns.AddRange([new("Ksg", 3, Align.Right), new("Nilai", 5), new("Kesiapan", 8)]);
        var table = new TextTable(columns);
        foreach (var s in scores)
        {
            var cells = new List<string> { s.Unit.UnitId, s.Unit.UnitName, Num(s.Card.Total), Num(s.Card.Pengungkit), Num(s.Card.Hasil) };
            cells.AddRange(s.Card.Areas.Select(a => Num(a.Percent)));
            cells.AddRange([s.Card.BlankQuestions == 0 ? "-" : s.Card.BlankQuestions.ToString(Formats.Indonesian), s.Readiness.ScoreVerdict, s.Readiness.Verdict]);
            table.Add([.. cells]);
        }
        table.Write(output);
        var below = scores.Where(s => s.Readiness.HeldBelow is not null).ToList();
        if (below.Count > 0)
        {
            AnalyticsTables.Note(output, "Di bawah kriteria predikat yang dipegang: " + string.Join("; ", below.Select(s =>
                $"{s.Unit.UnitId} ({s.Readiness.HeldBelow}, kurang {Num(s.Readiness.HeldBelowPoints?.Total)} poin: {string.Join(", ", s.Readiness.HeldShortfalls.Select(Reports.ReadinessText.ShortGap))})")) + ".");
        }
        var counts = scores.GroupBy(s => s.Readiness.Verdict).ToDictionary(g => g.Key, g => g.Count());
        AnalyticsTables.Note(output, $"{scores.Count} unit: WBBM {counts.GetValueOrDefault("WBBM")}, WBK {counts.GetValueOrDefault("WBK")}, " +
            $"BELUM {counts.GetValueOrDefault(ReadinessResult.Belum)}; {scores.Count(s => !s.Card.IsComplete)} LKE belum lengkap. Nilai = kesiapan menurut nilai saja; Kesiapan = juga syarat pengusulan. Nilai dibulatkan 2 desimal; % = nilai area terhadap bobotnya; Ksg = soal kosong.");
    }

    private static string Num(decimal? value, int decimals = 2) => value is { } v ? Formats.Number(v, decimals) : "-";

    private static string ShortfallText(IReadOnlyList<ShortfallRecord> shortfalls) =>
        string.Join("; ", shortfalls.Select(s => s.Unit == "fact"
            ? $"{s.Criterion} {s.ActualText ?? "?"} ({s.RequiredText})"
            : $"{s.Criterion} {Invariant(s.Actual)} < {Invariant(s.Required)}"));

    private static string Invariant(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
