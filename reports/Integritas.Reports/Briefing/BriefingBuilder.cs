using Integritas.Analytics;
using Integritas.Charts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Reports.Briefing;

/// <summary>Builds the briefing packet's data and charts from the score history of the year and the years before.</summary>
public static class BriefingBuilder
{
    public const string TrendChartSuffix = "-tren.png";
    public const string AreaChartSuffix = "-area.png";

    /// <summary>
    /// The trend chart's layout height: low enough that it fits under the instansi table on page 1, so the
    /// briefing, with every unit its headline counts, stays within 3 pages.
    /// </summary>
    public const int BriefingChartHeight = 340;

    /// <summary>How many declining units the briefing lists.</summary>
    public const int DecliningUnits = 5;

    public static BriefingModel Build(ScoreHistory history, int year, IReadOnlyList<TargetRow> targets, DateOnly today, string trendChart, string areaChart)
    {
        var scores = history.InYear(year);
        if (scores.Count == 0)
        {
            throw new InvalidOperationException($"No unit has a stored LKE for {year}; there is nothing to brief on.");
        }
        var rule = scores[0].Card.Rule;
        var trends = TrendAnalysis.Build(history, year, movers: DecliningUnits);
        var previous = trends.PreviousYear;
        var wbk = CandidateAnalysisBuilder.For(history, year, "WBK");
        var wbbm = CandidateAnalysisBuilder.For(history, year, "WBBM");
        var proposals = ProposalSummary.For(wbbm.Concat(wbk));
        var all = trends.Groups.Where(g => g.Year == year && g.Group == TrendAnalysis.AllUnits).Single();
        var allBefore = trends.Groups.FirstOrDefault(g => g.Year == previous && g.Group == TrendAnalysis.AllUnits);
        var change = Score.Change(all.Totals.Mean, allBefore?.Totals.Mean);
        var moves = trends.Units.Select(u => u.In(year)).Count(y => y?.TotalChange < 0);

        var headline = new BriefingHeadline(
            scores.Count,
            scores.Select(s => s.Unit.Instansi).Distinct(StringComparer.Ordinal).Count(),
            all.Wbbm, all.Wbk, all.Belum, all.ScoreReadyWbk,
            proposals.PrerequisitesOpen.Count,
            all.Incomplete,
            Score.Round2(all.Totals.Mean ?? 0),
            change,
            change switch { null => null, > 0 => "naik", < 0 => "turun", _ => "tetap" },
            change is { } c ? Math.Abs(c) : null,
            proposals.ReadyFor("WBK").Count, proposals.ReadyFor("WBBM").Count,
            proposals.CloseWbk.Count,
            moves,
            trends.Lost.Select(l => l.Unit.UnitId).Distinct().Count());

        var instansi = trends.Groups.Where(g => g.Year == year && g.Group != TrendAnalysis.AllUnits).Select(g =>
        {
            var before = trends.Groups.FirstOrDefault(o => o.Year == previous && o.Group == g.Group);
            // Beside "siap diusulkan {year + 1}" stands the target of the year proposed for.
            var target = targets.FirstOrDefault(t => t.Year == year && Same(t.Instansi, g.Group));
            var proposalTarget = targets.FirstOrDefault(t => t.Year == year + 1 && Same(t.Instansi, g.Group));
            var last = targets.FirstOrDefault(t => t.Year == previous && Same(t.Instansi, g.Group));
            return new BriefingInstansi(g.Group, g.Totals.Count, Score.Round2(g.Totals.Mean ?? 0),
                Score.Change(g.Totals.Mean, before?.Totals.Mean), g.Wbbm, g.Wbk, g.Belum,
                proposalTarget?.TargetWbk, target?.ReadyWbk ?? 0, target is { AwardsKnown: true } ? target.AwardedWbk : null,
                proposalTarget?.TargetWbbm, target?.ReadyWbbm ?? 0, target is { AwardsKnown: true } ? target.AwardedWbbm : null,
                last?.TargetWbk, last is { AwardsKnown: true } ? last.AwardedWbk : null);
        }).ToList();

        var ready = proposals.Ready
            .Select((c, i) => new BriefingReadyUnit(i + 1, c.Unit.UnitId, c.Unit.UnitName, c.Unit.Instansi, Score.Round2(c.Score.Card.Total ?? 0), c.Target,
                c.Score.Highest is { } h ? $"{h.Predicate} {h.Year}" : "-"))
            .ToList();
        static BriefingCandidate Candidate(CandidateAnalysis c, int no) => new(no, c.Target, c.Unit.UnitId, c.Unit.UnitName, c.Unit.Instansi,
            Score.Round2(c.Score.Card.Total ?? 0), Score.Round2(c.Needed.Total ?? 0), ReadinessText.Shortfalls([.. c.Shortfalls], 3), Score.Round2(c.Projection?.Total),
            c.ProjectedScoreReady == true ? "ya" : "belum");
        var pending = proposals.PrerequisitesOpen.Select((c, i) => Candidate(c, i + 1)).ToList();
        var candidates = proposals.CloseWbk.Select((c, i) => Candidate(c, i + 1)).ToList();
        var declining = trends.Declined.Select(m => new BriefingDecline(m.Unit.UnitId, m.Unit.UnitName, Score.Round2(m.FromTotal), Score.Round2(m.ToTotal),
                Score.Round2(m.Change), m.FromVerdict != m.ToVerdict ? $"{m.FromVerdict} → {m.ToVerdict}" : "-",
                Lost(history.Get(m.Unit.UnitId, year)!.Readiness, trends.Lost.Where(l => l.Unit.UnitId == m.Unit.UnitId))))
            .ToList();
        var areas = trends.Holdbacks.Where(h => h.UnitsHeldBack > 0).Take(3)
            .Select(h => new BriefingArea(h.Area, h.Name, Score.Round2(h.MeanPercent), Score.Round2(h.MeanPercentChange), h.UnitsHeldBack))
            .ToList();

        return new BriefingModel(
            $"Kesiapan Zona Integritas {year}",
            year,
            year + 1,
            previous,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ReportFiles.RuleLabel(rule),
            rule.Title,
            headline,
            instansi,
            ready,
            pending,
            candidates,
            declining,
            areas,
            Thresholds(rule),
            trendChart,
            areaChart);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The criteria lost, in words; for a holder below the level it holds, said first (every output flags it so).</summary>
    private static string Lost(ReadinessResult readiness, IEnumerable<LostCriterion> lost)
    {
        if (readiness.HeldBelow is { } below)
        {
            return $"Di bawah kriteria {below} yang dipegang: " + string.Join("; ", readiness.HeldShortfalls.Select(ReadinessText.Gap));
        }
        var texts = lost.Select(l => l.Kind switch
        {
            CriterionKind.BlankQuestions => "LKE tidak lagi lengkap",
            CriterionKind.Prerequisite => $"{l.ShortLabel} {l.ActualText ?? "tidak diketahui"}",
            CriterionKind.Percent => $"{l.ShortLabel} {Formats.Number(l.Actual ?? 0)}%",
            _ => $"{l.ShortLabel} {Formats.Number(l.Actual ?? 0)}",
        }).ToList();
        return texts.Count == 0 ? "-" : string.Join("; ", texts);
    }

    public static BriefingThresholds Thresholds(RuleSet rule)
    {
        decimal Min(string predicate, string metricPrefix) =>
            rule.FindPredicate(predicate)?.Criteria.FirstOrDefault(c => c.Metric.StartsWith(metricPrefix, StringComparison.Ordinal))?.Min ?? 0;
        return new BriefingThresholds(Min("WBK", "total"), Min("WBBM", "total"), Min("WBK", "areaPercent"), Min("WBBM", "areaPercent"));
    }

    /// <summary>The mean total per instansi (and of every unit) across the years, against the WBK and WBBM total minimums.</summary>
    public static byte[] TrendChart(ScoreHistory history, int year)
    {
        var years = history.Years.Where(y => y <= year).ToList();
        var scores = history.All.Where(s => s.Year <= year && s.Card.Total is not null).ToList();
        var series = scores.GroupBy(s => s.Unit.Instansi).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrendSeries(g.Key, [.. g.GroupBy(s => s.Year).OrderBy(y => y.Key).Select(y => new YearValue(y.Key, (double)y.Average(s => s.Card.Total!.Value)))]))
            .Append(new TrendSeries(TrendAnalysis.AllUnits, [.. scores.GroupBy(s => s.Year).OrderBy(y => y.Key).Select(y => new YearValue(y.Key, (double)y.Average(s => s.Card.Total!.Value)))]))
            .ToList();
        var thresholds = Thresholds(history.InYear(year)[0].Card.Rule);
        return AreaTrendChart.Render(new AreaTrendChart.Data(
            $"Rata-rata nilai total {years[0]}–{year} per instansi",
            "Nilai total (skala 100)",
            series,
            [
                new ThresholdLine((double)thresholds.WbkTotal, $"Minimum WBK {Formats.Number(thresholds.WbkTotal, 0)}", ThresholdStyle.Wbk),
                new ThresholdLine((double)thresholds.WbbmTotal, $"Minimum WBBM {Formats.Number(thresholds.WbbmTotal, 0)}", ThresholdStyle.Wbbm),
            ],
            v => Formats.Number((decimal)v, 0)), height: BriefingChartHeight);
    }

    /// <summary>Each area's mean score across the year's units as % of its weight, against the WBK and WBBM minimums.</summary>
    public static byte[] AreaChart(IReadOnlyList<UnitYearScore> scores, int year)
    {
        var rule = scores[0].Card.Rule;
        var bars = rule.Areas
            .Select(a => new LabeledValue(a.Name, (double)scores.Average(s => s.Card.Area(a.Code)?.Percent ?? 0)))
            .ToList();
        var thresholds = Thresholds(rule);
        return AttainmentBarChart.Render(new AttainmentBarChart.Data(
            $"Rata-rata capaian area pengungkit {year} ({scores.Count} unit)",
            "Nilai area sebagai persentase bobot",
            bars,
            [
                new ThresholdLine((double)thresholds.WbkAreaPercent, $"Minimum WBK {Formats.Number(thresholds.WbkAreaPercent, 0)}%", ThresholdStyle.Wbk),
                new ThresholdLine((double)thresholds.WbbmAreaPercent, $"Minimum WBBM {Formats.Number(thresholds.WbbmAreaPercent, 0)}%", ThresholdStyle.Wbbm),
            ],
            v => Formats.ScorePercent((decimal)v),
            FormatTick: v => Formats.Number((decimal)v, 0) + "%"), height: 470);
    }
}
