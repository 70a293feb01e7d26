using System.Globalization;
using Integritas.Analytics;
using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;
using Integritas.Reports;
using Integritas.Store.Queries;

namespace Integritas.Cli.Output;

/// <summary>The terminal views of the planners' commands: each fits a 120-column screen and answers one question.</summary>
public static class AnalyticsTables
{
    public static void Candidates(TextWriter output, IReadOnlyList<CandidateAnalysis> candidates, ScoreHistory history, int year, string target, int top, BacktestResult backtest)
    {
        var units = history.InYear(year).Count;
        Note(output, $"Kandidat {target} {year + 1} dari LKE {year} — {units} unit dinilai, {candidates.Count} kandidat: " +
            $"{candidates.Count(c => c.Ready)} siap, {candidates.Count(c => c.ScoreReady && !c.Ready)} siap menurut nilai (syarat belum lengkap), " +
            $"{candidates.Count(c => !c.ScoreReady && c.ProjectedScoreReady == true)} diproyeksikan siap {year + 1}.");
        output.WriteLine();
        var table = new TextTable([
            new("No", 3, Align.Right), new("Kode", 10), new("Unit kerja", 22, KeepEnd: true), new("Total", 6, Align.Right), new("Kurang", 6, Align.Right),
            new($"Pr.{year + 1}", 7, Align.Right), new("Yang harus dibenahi", 44), new("Soal", 8),
        ]);
        foreach (var c in top > 0 ? candidates.Take(top) : candidates)
        {
            var fix = c.Ready ? "siap diusulkan" : string.Join("; ", c.Shortfalls.Select(ReadinessText.ShortGap));
            var first = c.TopQuestions.FirstOrDefault();
            table.Add(c.Rank.ToString(Formats.Indonesian), c.Unit.UnitId, c.Unit.UnitName, Num(c.Score.Card.Total), Num(c.Needed.Total),
                Num(c.Projection?.Total) + (c.ProjectedScoreReady == true ? "✓" : " "), fix, first?.Question ?? "-");
        }
        table.Write(output);
        if (top > 0 && candidates.Count > top)
        {
            output.WriteLine($"… dan {candidates.Count - top} kandidat lain (--top 0 untuk semua).");
        }
        output.WriteLine();
        Note(output, $"Kurang = poin minimum agar semua kriteria nilai {target} terpenuhi. Pr.{year + 1} = proyeksi total ({Projection.ShortMethod}); " +
            "✓ = proyeksi memenuhi kriteria nilai. Soal = soal dengan tambahan poin terbesar ('zi unit KODE' untuk rinciannya).");
        if (backtest.Total is { } total)
        {
            var areas = string.Join(", ", backtest.Areas.Select(a => $"{a.Measure} {Formats.Number(a.MaeProjection, 1)}"));
            Note(output, $"Uji balik: proyeksi {backtest.Year} dari data sebelumnya ({backtest.Units} unit) meleset rata-rata {Formats.Number(total.MaeProjection)} poin total " +
                $"(\"sama dengan tahun lalu\": {Formats.Number(total.MaeLastYear)}); per area, poin % bobot: {areas}.");
        }
    }

    public static void CandidatesCsv(TextWriter output, IReadOnlyList<CandidateAnalysis> candidates)
    {
        var areas = candidates.FirstOrDefault()?.Score.Card.Rule.Areas.Select(a => a.Code).ToList() ?? [];
        var header = new List<string> { "rank", "target", "unit_id", "unit_name", "instansi", "year", "total", "readiness", "score_readiness", "ready", "score_ready", "blank_questions", "points_needed" };
        header.AddRange(areas.Select(a => $"points_needed_{a}"));
        header.AddRange(["projected_total", "projected_score_ready", "shortfalls", "prerequisites_open", "question_1", "question_2", "question_3", "question_4", "question_5"]);
        CsvOutput.Row(output, header);
        foreach (var c in candidates)
        {
            var cells = new List<string>
            {
                CsvOutput.Cell(c.Rank), c.Target, CsvOutput.Cell(c.Unit.UnitId), CsvOutput.Cell(c.Unit.UnitName), CsvOutput.Cell(c.Unit.Instansi), CsvOutput.Cell(c.Score.Year),
                CsvOutput.Cell(R(c.Score.Card.Total)), c.Score.Readiness.Verdict, c.Score.Readiness.ScoreVerdict, B(c.Ready), B(c.ScoreReady),
                CsvOutput.Cell(c.Score.Card.BlankQuestions), CsvOutput.Cell(R(c.Needed.Total)),
            };
            cells.AddRange(areas.Select(a => CsvOutput.Cell(R(c.Needed.ByArea.GetValueOrDefault(a)))));
            cells.AddRange([CsvOutput.Cell(R(c.Projection?.Total)), c.ProjectedScoreReady is { } p ? B(p) : "",
                CsvOutput.Cell(string.Join("; ", c.ScoreShortfalls.Select(ReadinessText.Gap))), CsvOutput.Cell(string.Join("; ", c.PrerequisiteShortfalls.Select(ReadinessText.Gap)))]);
            cells.AddRange(Enumerable.Range(0, 5).Select(i => i < c.TopQuestions.Count ? CsvOutput.Cell(Reports.Candidates.CandidateWorkbook.QuestionText(c.TopQuestions[i])) : ""));
            CsvOutput.Row(output, cells);
        }
    }

    public static void Unit(TextWriter output, ScoreHistory history, UnitYearScore score, UnitTrend trend, string? target, CandidateAnalysis? candidate, IReadOnlyList<QuestionGain> questions)
    {
        var rule = score.Card.Rule;
        var held = score.Held.Count == 0 ? "belum ada" : string.Join(", ", score.Held.Select(h => $"{h.Predicate} {h.Year}"));
        output.WriteLine($"{score.Unit.UnitId} · {score.Unit.UnitName}");
        output.WriteLine($"{score.Unit.Instansi} · LKE {score.Year} ({ReadinessText.Layer(score.Layer)} v{score.Version}) · aturan {rule.Label} · predikat: {held}");
        var verdict = $"Kesiapan {score.Year}: {score.Readiness.Verdict}" + (score.Readiness.ScoreVerdict != score.Readiness.Verdict ? $" (menurut nilai saja: {score.Readiness.ScoreVerdict})" : "");
        var toward = target is null ? " · sudah memegang WBBM" : candidate is null ? "" : $" · menuju {target}: kurang {Num(candidate.Needed.Total)} poin" +
            (candidate.PrerequisiteShortfalls.Count > 0 ? $", {candidate.PrerequisiteShortfalls.Count} syarat belum terpenuhi" : "");
        output.WriteLine(verdict + toward);
        if (score.Readiness.HeldBelow is { } below)
        {
            output.WriteLine($"Di bawah kriteria {below} yang dipegang: kurang {Num(score.Readiness.HeldBelowPoints?.Total)} poin " +
                $"({string.Join("; ", score.Readiness.HeldShortfalls.Select(ReadinessText.ShortGap))}).");
        }
        output.WriteLine();

        // The five years up to the one shown (an older year asked with --year ends the table there).
        var years = trend.Years.Where(y => y.Year <= score.Year).TakeLast(5).ToList();
        var columns = new List<Column> { new("Nilai", 24) };
        columns.AddRange(years.Select(y => new Column(y.Year.ToString(CultureInfo.InvariantCulture), 6, Align.Right)));
        columns.AddRange([new("Δ", 6, Align.Right), new("Min WBK", 14), new("Min WBBM", 14)]);
        var table = new TextTable(columns);
        var history4 = years.Select(y => history.Get(score.Unit.UnitId, y.Year)!).ToList();
        void Row(string label, Func<UnitYearScore, decimal?> value, string criterion, int decimals = 2, bool percent = false)
        {
            var cells = new List<string> { label };
            cells.AddRange(history4.Select(s => Num(value(s), decimals)));
            var now = value(score);
            var before = history4.Count > 1 && history4[^1].Year == score.Year ? value(history4[^2]) : null;
            cells.Add(Signed(decimals == 0 ? now - before : Domain.Scoring.Score.Change(now, before), decimals));
            cells.Add(Requirement(score.Readiness, "WBK", criterion, percent));
            cells.Add(Requirement(score.Readiness, "WBBM", criterion, percent));
            table.Add([.. cells]);
        }
        Row("Total", s => s.Card.Total, "total");
        Row("Pengungkit", s => s.Card.Pengungkit, "pengungkit");
        foreach (var area in rule.Areas)
        {
            Row($"  {area.Code} {area.ShortName} %", s => s.Card.Area(area.Code)?.Percent, $"area.{area.Code}", percent: true);
        }
        foreach (var group in rule.HasilGroups)
        {
            Row(group.ShortName, s => s.Card.Group(group.Code), $"group.{group.Code}");
            foreach (var part in rule.HasilParts.Where(p => p.Group == group.Code))
            {
                Row($"  {part.ShortName}", s => s.Card.Part(part.Code), $"hasil.{part.Code}");
            }
        }
        Row("Soal kosong", s => s.Card.BlankQuestions, ReadinessEvaluator.CompleteCriterion, 0);
        table.Write(output);
        // A "?" beside a binding minimum: the year's data cannot show it (e.g. a recap without the hasil parts); never met.
        // Each note names the columns its criterion needs; one contained in another (a part's in its group's) is left out.
        const string prefix = "Tidak dapat diperiksa: rekap tanpa kolom ";
        var raw = score.Readiness.Criteria.Where(c => c.Binding && c.Status == CriterionStatus.Unknown && c.Kind != CriterionKind.Prerequisite && c.Note is not null)
            .Select(c => c.Note!).Distinct(StringComparer.Ordinal).ToList();
        var recap = raw.Count > 0 && raw.All(n => n.StartsWith(prefix, StringComparison.Ordinal));
        var notes = recap ? [.. raw.Select(n => n[prefix.Length..])] : raw;
        var listed = notes.Where(n => !notes.Any(o => o != n && o.Contains(n, StringComparison.Ordinal))).ToList();
        if (listed.Count > 0)
        {
            Note(output, $"? Tidak dapat diperiksa pada data {score.Year}: {(recap ? "rekap tanpa kolom " : "")}{string.Join("; ", listed)} — tidak dihitung terpenuhi.");
        }

        var prerequisites = score.Readiness.Criteria.Where(c => c.Kind == CriterionKind.Prerequisite).ToList();
        if (prerequisites.Count > 0)
        {
            output.WriteLine();
            var binding = prerequisites.Any(c => c.Binding);
            var source = binding ? rule.Amendments.LastOrDefault()?.Id ?? rule.Id : "belum berlaku pada " + score.Year.ToString(CultureInfo.InvariantCulture);
            var facts = new TextTable([new($"Syarat pengusulan ({source})", 40), new("Data", 22), new("WBK", 14), new("WBBM", 14)]);
            foreach (var group in prerequisites.GroupBy(c => c.Criterion))
            {
                var any = group.First();
                facts.Add(any.Label, any.ActualText ?? (any.Status == CriterionStatus.Unknown && any.Binding ? "belum ada data" : "-"),
                    FactCell(group.FirstOrDefault(c => c.Predicate == "WBK")), FactCell(group.FirstOrDefault(c => c.Predicate == "WBBM")));
            }
            facts.Write(output);
        }

        output.WriteLine();
        if (candidate is not null)
        {
            var byArea = candidate.Needed.ByArea.Where(a => a.Value > 0).Select(a => $"{a.Key} {Num(a.Value)}")
                .Concat(candidate.Needed.ByHasilPart.Where(p => p.Value > 0).Select(p => $"{p.Key} {Num(p.Value)}")).ToList();
            output.WriteLine($"Poin yang masih dibutuhkan menuju {target}: {Num(candidate.Needed.Total)}" + (byArea.Count > 0 ? $" ({string.Join(", ", byArea)})" : ""));
            if (candidate.Projection is { } p)
            {
                output.WriteLine($"Proyeksi {p.Year} (dari {p.YearsOfHistory} tahun data): total {Num(p.Total)}; " +
                    (candidate.ProjectedScoreReady == true ? $"memenuhi kriteria nilai {target}" : $"masih kurang {Num(candidate.ProjectedNeeded?.Total)} poin menuju {target}") + ".");
            }
        }
        if (questions.Count > 0)
        {
            output.WriteLine();
            var q = new TextTable([new("Soal yang menambah nilai", 24), new("Jawaban", 8), new("Naik ke", 7), new("+Poin", 6, Align.Right), new("Pertanyaan", 65)]);
            foreach (var g in questions)
            {
                q.Add($"{g.Question} ({g.Area})", g.Blank ? "kosong" : Formats.Answer(g.Kind, g.Answer), g.Blank ? "isi" : Formats.Answer(g.Kind, g.NextAnswer ?? ""),
                    Num(g.Gain), g.Text);
            }
            q.Write(output);
        }
    }

    public static void Trends(TextWriter output, TrendReport report, IReadOnlyList<TargetRow> targets)
    {
        // Every unit together, or, for one instansi, that instansi's own group (the only one).
        var overallName = report.Groups.Any(g => g.Group == TrendAnalysis.AllUnits) ? TrendAnalysis.AllUnits : report.Groups.LastOrDefault()?.Group ?? TrendAnalysis.AllUnits;
        var overall = report.Groups.Where(g => g.Group == overallName).ToList();
        output.WriteLine($"Tren Zona Integritas {report.Years[0]}–{report.Year}: {overallName}");
        var years = new TextTable([
            new("Tahun", 5), new("Unit", 4, Align.Right), new("Rata2", 6, Align.Right), new("Median", 6, Align.Right), new("SD", 5, Align.Right),
            new("Min", 6, Align.Right), new("Maks", 6, Align.Right), new("WBBM", 4, Align.Right), new("WBK", 4, Align.Right), new("BELUM", 5, Align.Right),
            new("Siap nilai", 10, Align.Right), new("Tdk lengkap", 11, Align.Right),
        ]);
        foreach (var g in overall)
        {
            years.Add(g.Year.ToString(CultureInfo.InvariantCulture), I(g.Totals.Count), Num(g.Totals.Mean), Num(g.Totals.Median), Num(g.Totals.StdDev, 1),
                Num(g.Totals.Min), Num(g.Totals.Max), I(g.Wbbm), I(g.Wbk), I(g.Belum), I(g.ScoreReadyWbk), I(g.Incomplete));
        }
        years.Write(output);

        var previous = report.PreviousYear;
        output.WriteLine();
        var byInstansi = new TextTable([
            new($"Instansi {report.Year}", 40), new("Unit", 4, Align.Right), new("Rata2", 6, Align.Right), new("Δ", 6, Align.Right), new("Median", 6, Align.Right),
            new("SD", 5, Align.Right), new("WBBM", 4, Align.Right), new("WBK", 4, Align.Right), new("BELUM", 5, Align.Right), new("Target", 6, Align.Right),
            new($"Anugerah {report.Year}", 13, Align.Right),
        ]);
        foreach (var g in report.Groups.Where(g => g.Year == report.Year && g.Group != TrendAnalysis.AllUnits))
        {
            var before = report.Groups.FirstOrDefault(o => o.Group == g.Group && o.Year == previous);
            var target = targets.FirstOrDefault(t => t.Year == report.Year && string.Equals(t.Instansi, g.Group, StringComparison.OrdinalIgnoreCase));
            byInstansi.Add(g.Group, I(g.Totals.Count), Num(g.Totals.Mean), Signed(Domain.Scoring.Score.Change(g.Totals.Mean, before?.Totals.Mean)),
                Num(g.Totals.Median), Num(g.Totals.StdDev, 1), I(g.Wbbm), I(g.Wbk), I(g.Belum),
                target?.TargetWbk is { } t ? I(t) : "-", target is null || !target.AwardsKnown ? "belum ada" : $"{I(target.AwardedWbk)} WBK {I(target.AwardedWbbm)} WBBM");
        }
        byInstansi.Write(output);

        output.WriteLine();
        var areas = new TextTable([
            new($"Area yang paling menahan unit ({report.Year})", 40), new("Rata2 % bobot", 13, Align.Right), new("Δ", 6, Align.Right),
            new("Unit tertahan", 13, Align.Right), new("< min WBK", 9, Align.Right),
        ]);
        foreach (var h in report.Holdbacks)
        {
            areas.Add($"{h.Area} {h.Name}", Num(h.MeanPercent), Signed(h.MeanPercentChange), I(h.UnitsHeldBack), I(h.BelowWbkMinimum));
        }
        areas.Write(output);

        if (previous is { } py)
        {
            output.WriteLine();
            Note(output, $"Naik terbesar sejak {py}: " + Movers(report.Improved));
            Note(output, $"Turun terbesar sejak {py}: " + Movers(report.Declined));
            output.WriteLine();
            if (report.Lost.Count == 0)
            {
                output.WriteLine($"Tidak ada unit yang kehilangan kriteria yang dipenuhinya pada {py}.");
            }
            else
            {
                var units = report.Lost.GroupBy(l => l.Unit.UnitId).ToList();
                output.WriteLine($"Kriteria yang dipenuhi pada {py} tetapi tidak lagi pada {report.Year} ({units.Count} unit):");
                var lost = new TextTable([new("Kode", 10), new("Unit kerja", 30, KeepEnd: true), new("Menuju", 6), new("Kriteria yang lepas (tahun lalu → sekarang, syarat)", 66)]);
                foreach (var unit in units.Take(12))
                {
                    var first = unit.First();
                    lost.Add(first.Unit.UnitId, first.Unit.UnitName, first.Level, string.Join("; ", unit.Select(LostText)));
                }
                lost.Write(output);
                if (units.Count > 12)
                {
                    output.WriteLine($"… dan {units.Count - 12} unit lagi (--format json untuk semua).");
                }
            }
        }
        output.WriteLine();
        Note(output, "Nilai total sebanding antartahun (skala 100 pada semua aturan); area dibandingkan dalam % bobot karena bobot berubah pada 90/2021. " +
            "Siap nilai = memenuhi kriteria nilai WBK/WBBM; WBK/WBBM = juga syarat pengusulan.");
    }

    public static void TrendsCsv(TextWriter output, TrendReport report)
    {
        var areas = report.Units.SelectMany(u => u.Years).SelectMany(y => y.Areas).Select(a => a.Area).Distinct().ToList();
        var header = new List<string> { "unit_id", "unit_name", "instansi", "year", "rule_version", "rule_changed", "total", "total_change", "readiness", "score_readiness", "blank_questions" };
        foreach (var a in areas)
        {
            header.AddRange([$"{a}_score", $"{a}_percent", $"{a}_percent_change"]);
        }
        CsvOutput.Row(output, header);
        foreach (var unit in report.Units)
        {
            foreach (var y in unit.Years)
            {
                var cells = new List<string>
                {
                    CsvOutput.Cell(unit.Unit.UnitId), CsvOutput.Cell(unit.Unit.UnitName), CsvOutput.Cell(unit.Unit.Instansi), CsvOutput.Cell(y.Year), y.RuleVersion,
                    B(y.RuleChanged), CsvOutput.Cell(R(y.Total)), CsvOutput.Cell(R(y.TotalChange)), y.Verdict, y.ScoreVerdict, CsvOutput.Cell(y.BlankQuestions),
                };
                foreach (var a in areas)
                {
                    var point = y.Areas.FirstOrDefault(p => p.Area == a);
                    cells.AddRange([CsvOutput.Cell(R(point?.Score)), CsvOutput.Cell(R(point?.Percent)), CsvOutput.Cell(R(point?.PercentChange))]);
                }
                CsvOutput.Row(output, cells);
            }
        }
    }

    public static void Targets(TextWriter output, IReadOnlyList<TargetRow> rows)
    {
        output.WriteLine(new string(' ', 55) + "------------- WBK -------------  ------------ WBBM ------------");
        var table = new TextTable([
            new("Tahun", 5), new("Instansi", 42), new("Unit", 4, Align.Right),
            new("Target", 6, Align.Right), new("Siap", 5, Align.Right), new("Nilai", 5, Align.Right), new("Anugerah", 9, Align.Right),
            new("Target", 6, Align.Right), new("Siap", 5, Align.Right), new("Nilai", 5, Align.Right), new("Anugerah", 9, Align.Right),
        ]);
        foreach (var r in rows)
        {
            table.Add(r.Year.ToString(CultureInfo.InvariantCulture), r.Instansi, I(r.Units), r.TargetWbk is { } tw ? I(tw) : "-", I(r.ReadyWbk), I(r.ScoreReadyWbk),
                r.AwardsKnown ? I(r.AwardedWbk) : "belum", r.TargetWbbm is { } tm ? I(tm) : "-", I(r.ReadyWbbm), I(r.ScoreReadyWbbm), r.AwardsKnown ? I(r.AwardedWbbm) : "belum");
        }
        table.Write(output);
        Note(output, "Siap = memenuhi semua kriteria termasuk syarat pengusulan, di antara unit yang belum memegang predikat itu; Nilai = siap menurut nilai saja; " +
            "Anugerah = predikat yang diberikan untuk tahun evaluasi itu (belum = belum diumumkan atau belum dimuat).");
    }

    public static void TargetsCsv(TextWriter output, IReadOnlyList<TargetRow> rows)
    {
        CsvOutput.Row(output, ["year", "instansi", "units", "target_wbk", "target_wbbm", "ready_wbk", "ready_wbbm", "score_ready_wbk", "score_ready_wbbm", "awarded_wbk", "awarded_wbbm"]);
        foreach (var r in rows)
        {
            CsvOutput.Row(output, [CsvOutput.Cell(r.Year), CsvOutput.Cell(r.Instansi), CsvOutput.Cell(r.Units), r.TargetWbk is { } a ? CsvOutput.Cell(a) : "",
                r.TargetWbbm is { } b ? CsvOutput.Cell(b) : "", CsvOutput.Cell(r.ReadyWbk), CsvOutput.Cell(r.ReadyWbbm), CsvOutput.Cell(r.ScoreReadyWbk),
                CsvOutput.Cell(r.ScoreReadyWbbm), r.AwardsKnown ? CsvOutput.Cell(r.AwardedWbk) : "", r.AwardsKnown ? CsvOutput.Cell(r.AwardedWbbm) : ""]);
        }
    }

    /// <summary>"Total 76,39→74,69 (≥ 75)", "Pengawasan 67,70%→57,20% (≥ 60%)", "LHKPN 100%→93,6% (≥ 100)", "soal kosong 0→4".</summary>
    private static string LostText(LostCriterion l)
    {
        var code = l.ShortLabel;
        return l.Kind switch
        {
            CriterionKind.BlankQuestions => $"soal kosong {Num(l.PreviousActual, 0)}→{Num(l.Actual, 0)}",
            CriterionKind.Prerequisite => $"{code} {l.PreviousActualText ?? "?"}→{l.ActualText ?? "?"} ({l.RequiredText})",
            CriterionKind.Percent => $"{code} {Num(l.PreviousActual)}%→{Num(l.Actual)}% (≥ {ReadinessText.Min(l.Required)}%)",
            _ => $"{code} {Num(l.PreviousActual)}→{Num(l.Actual)} (≥ {ReadinessText.Min(l.Required)})",
        };
    }

    private static string Movers(IReadOnlyList<Mover> movers) => movers.Count == 0 ? "-" :
        string.Join("; ", movers.Select(m => $"{m.Unit.UnitId} {Signed(m.Change)} ({Num(m.FromTotal)}→{Num(m.ToTotal)}{(m.FromVerdict != m.ToVerdict ? $", {m.FromVerdict}→{m.ToVerdict}" : "")})"));

    /// <summary>A criterion's minimum and whether it is met: "≥ 75 ✓", "≥ 60% ✗", "-" when the level does not ask it.</summary>
    private static string Requirement(ReadinessResult readiness, string level, string criterion, bool percent)
    {
        var c = readiness.For(level).FirstOrDefault(x => x.Criterion == criterion);
        if (c is null)
        {
            return "-";
        }
        var min = c.Kind == CriterionKind.BlankQuestions ? "= 0" : c.Required is { } r ? "≥ " + ReadinessText.Min(r) + (percent ? "%" : "") : c.RequiredText ?? "?";
        return $"{min} {Mark(c)}";
    }

    private static string FactCell(CriterionResult? c) => c is null ? "-" : $"{c.RequiredText} {Mark(c)}";

    private static string Mark(CriterionResult c) => !c.Binding ? "(acuan)" : c.Status switch
    {
        CriterionStatus.Met => "✓",
        CriterionStatus.Unmet => "✗",
        CriterionStatus.Waived => "afirmasi",
        _ => "?",
    };

    /// <summary>Writes a note wrapped at the terminal width the tables are made for.</summary>
    public static void Note(TextWriter output, string text, int width = 120)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            output.WriteLine(line.ToString());
        }
    }

    private static string Num(decimal? value, int decimals = 2) => value is { } v ? Formats.Number(v, decimals) : "-";

    private static string Signed(decimal? value, int decimals = 2) => value is { } v ? (v > 0 ? "+" : "") + Formats.Number(v, decimals) : "";

    private static string I(int value) => value.ToString(Formats.Indonesian);

    private static decimal? R(decimal? value) => Domain.Scoring.Score.Round2(value);

    private static string B(bool value) => value ? "true" : "false";
}
