using Integritas.Analytics;
using Integritas.Domain.Formatting;
using Integritas.Domain.Scoring;
using Integritas.Spreadsheets;

namespace Integritas.Reports.Candidates;

/// <summary>One sheet of the candidate workbook: the candidates for one predicate level, in rank order.</summary>
public sealed record CandidateSheet(string Target, IReadOnlyList<CandidateAnalysis> Candidates);

/// <summary>
/// The planners' candidate workbook: per predicate level a sheet with one row per candidate (its scores, what
/// holds it back, the points it needs per area and hasil part, its projection and the questions to improve),
/// then a sheet with the projection's backtest. Text that a spreadsheet would run as a formula is neutralised.
/// </summary>
public static class CandidateWorkbook
{
    public static byte[] Write(int year, IReadOnlyList<CandidateSheet> sheets, BacktestResult? backtest)
    {
        var writer = new XlsxWriter();
        foreach (var sheet in sheets)
        {
            Candidates(writer.AddSheet($"Kandidat {sheet.Target} {year + 1}"), sheet.Candidates, year);
        }

        if (backtest is not null)
        {
            var bt = writer.AddSheet("Uji balik proyeksi");
            bt.Set(1, 1, $"Uji balik proyeksi {backtest.Year}: proyeksi dari data sebelum {backtest.Year} dibandingkan nilai sebenarnya ({backtest.Units} unit)", CellStyle.Title);
            bt.Set(2, 1, Projection.Method);
            string[] columns = ["Ukuran", "Jumlah unit", "MAE proyeksi", "MAE \"sama dengan tahun lalu\"", "Bias proyeksi"];
            for (var c = 0; c < columns.Length; c++)
            {
                bt.Set(4, c + 1, columns[c], CellStyle.Header);
            }
            var row = 5;
            foreach (var e in backtest.Areas.Append(backtest.Total).OfType<BacktestError>())
            {
                bt.Set(row, 1, e.Label).Set(row, 2, e.Count, CellStyle.Integer);
                Number(bt, row, 3, e.MaeProjection);
                Number(bt, row, 4, e.MaeLastYear);
                Number(bt, row, 5, e.Bias);
                row++;
            }
            bt.Width(1, 36).Width(2, 12).Width(3, 14).Width(4, 26).Width(5, 14);
        }
        return writer.Save();
    }

    private static void Candidates(XlsxSheet sheet, IReadOnlyList<CandidateAnalysis> candidates, int year)
    {
        var rule = candidates.FirstOrDefault()?.Score.Card.Rule;
        var areas = rule?.Areas.Select(a => a.Code).ToList() ?? [];
        var parts = rule?.HasilParts.Select(p => p.Code).ToList() ?? [];
        var header = new List<string> { "No", "Kode unit", "Unit kerja", "Instansi", $"Total {year}", "Kesiapan", "Siap", "Siap menurut nilai", "Soal kosong", "Poin kurang (total)" };
        header.AddRange(areas.Select(a => $"Kurang {a}"));
        header.AddRange(parts.Select(p => $"Kurang {p}"));
        header.AddRange([$"Proyeksi total {year + 1}", "Proyeksi siap (nilai)", "Kekurangan nilai", "Syarat belum terpenuhi", "Soal 1", "Soal 2", "Soal 3", "Soal 4", "Soal 5"]);
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Set(1, c + 1, header[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.FilterHeaderRow = 1;
        sheet.Width(1, 5).Width(2, 12).Width(3, 42).Width(4, 34);
        var r = 2;
        foreach (var c in candidates)
        {
            var col = 1;
            sheet.Set(r, col++, c.Rank).Set(r, col++, c.Unit.UnitId).Set(r, col++, c.Unit.UnitName).Set(r, col++, c.Unit.Instansi);
            Number(sheet, r, col++, c.Score.Card.Total);
            sheet.Set(r, col++, c.Score.Readiness.Verdict).Set(r, col++, c.Ready ? "ya" : "tidak").Set(r, col++, c.ScoreReady ? "ya" : "tidak");
            sheet.Set(r, col++, c.Score.Card.BlankQuestions, CellStyle.Integer);
            Number(sheet, r, col++, c.Needed.Total);
            foreach (var area in areas)
            {
                Number(sheet, r, col++, c.Needed.ByArea.GetValueOrDefault(area));
            }
            foreach (var part in parts)
            {
                Number(sheet, r, col++, c.Needed.ByHasilPart.GetValueOrDefault(part));
            }
            Number(sheet, r, col++, c.Projection?.Total);
            sheet.Set(r, col++, c.ProjectedScoreReady switch { true => "ya", false => "tidak", null => "-" });
            sheet.Set(r, col++, string.Join("; ", c.ScoreShortfalls.Select(ReadinessText.Gap)), CellStyle.Wrap);
            sheet.Set(r, col++, string.Join("; ", c.PrerequisiteShortfalls.Select(ReadinessText.Gap)), CellStyle.Wrap);
            foreach (var q in c.TopQuestions.Take(5))
            {
                sheet.Set(r, col++, QuestionText(q), CellStyle.Wrap);
            }
            r++;
        }
        var first = 11 + areas.Count + parts.Count;
        for (var c = first; c <= header.Count; c++)
        {
            sheet.Width(c, c >= first + 2 ? 40 : 14);
        }
    }

    /// <summary>"PW-P3-c: C → B (+0,188) — question text", or "… belum dijawab" for a blank.</summary>
    public static string QuestionText(QuestionGain q) => q.Blank
        ? $"{q.Question}: belum dijawab — {q.Text}"
        : $"{q.Question}: {Formats.Answer(q.Kind, q.Answer)} → {(q.NextAnswer is null ? "-" : Formats.Answer(q.Kind, q.NextAnswer))} (+{Formats.Number(q.Gain ?? 0, 3)}) — {q.Text}";

    private static void Number(XlsxSheet sheet, int row, int column, decimal? value)
    {
        if (value is { } v)
        {
            sheet.Set(row, column, Score.Round2(v), CellStyle.Number2);
        }
    }
}
