using System.Globalization;
using Integritas.Analytics;
using Integritas.Charts;
using Integritas.Domain.Facts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Reports.Units;
using Integritas.Store.Queries;

namespace Integritas.Reports.Annual;

/// <summary>Builds the annual report's data and overview charts from one year's <see cref="YearData"/>.</summary>
public static class AnnualBuilder
{
    /// <summary>How many areas the summary names as holding units back.</summary>
    public const int HoldbacksNamed = 3;

    /// <param name="data">The year's data.</param>
    /// <param name="trends">The year's trends (<see cref="TrendAnalysis.Build"/>).</param>
    /// <param name="targets">Target vs ready per instansi for the year.</param>
    /// <param name="sources">Every stored file.</param>
    /// <param name="today">The day the report is written.</param>
    /// <param name="charts">The overview charts' paths.</param>
    /// <param name="pictures">A unit's radar and trend paths.</param>
    public static AnnualModel Build(YearData data, TrendReport trends, IReadOnlyList<TargetRow> targets, IReadOnlyList<SourceFileInfo> sources, DateOnly today,
        AnnualCharts charts, Func<UnitYearScore, (string Radar, string Trend)> pictures)
    {
        var year = data.Year;
        var rule = data.Rule;
        var scores = data.Scores;
        var units = scores.Select((s, i) =>
        {
            var (radar, trend) = pictures(s);
            return UnitSectionBuilder.Build(data, s, i + 1, radar, trend);
        }).ToList();
        var instansi = scores.Select(s => s.Unit.Instansi).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        return new AnnualModel(
            $"Laporan Tahunan Kesiapan Zona Integritas {year}",
            year,
            year + 1,
            data.PreviousYear,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Join(instansi),
            new RuleInfo(ReportFiles.RuleLabel(rule), rule.Label, rule.Title, [.. rule.Amendments.Select(a => new AmendmentRow(a.Id, a.Title))]),
            Counts(data, instansi.Count),
            Mean(data, trends),
            HoldbackText(rule, trends.Holdbacks),
            Minimums(rule),
            Thresholds(rule),
            Prerequisites(rule, scores),
            rule.Affirmation is { } affirmation ? ReadinessText.CiteTables(affirmation.Label, affirmation.Source.Split(' ')[0]) : null,
            Areas(rule, scores, trends),
            Instansi(trends, targets, year, data.PreviousYear),
            [.. trends.Improved.Select(Mover)],
            [.. trends.Declined.Select(Mover)],
            charts,
            units,
            [.. data.Findings.Select(UnitSectionBuilder.FindingOf)],
            data.Findings.Select(f => f.UnitId).Distinct(StringComparer.Ordinal).Count(),
            [.. data.Reviews.Select(r => new ReviewSummaryRow(r.UnitId, r.UnitName, ReadinessText.Layer(r.Reviewer), Score.Round2(r.UnitTotal), Score.Round2(r.ReviewerTotal),
                Score.Change(r.ReviewerTotal, r.UnitTotal), r.Changes.Count))],
            [.. trends.Groups
                .Select(g => new GroupYearRow(g.Group, g.Group == TrendAnalysis.AllUnits, g.Year, g.Totals.Count, Score.Round2(g.Totals.Mean), Score.Round2(g.Totals.Median), g.Wbbm, g.Wbk, g.Belum))],
            [.. sources.Select(Source)]);
    }

    /// <summary>"A", "A dan B", "A, B dan C".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "-",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " dan " + items[^1],
    };

    private static AnnualCounts Counts(YearData data, int instansi)
    {
        var scores = data.Scores;
        var proposals = ProposalSummary.For(data.Candidates);
        return new AnnualCounts(
            scores.Count,
            instansi,
            scores.Count(s => s.Readiness.Verdict == "WBBM"),
            scores.Count(s => s.Readiness.Verdict == "WBK"),
            scores.Count(s => s.Readiness.Verdict == ReadinessResult.Belum),
            scores.Count(s => !s.Card.IsComplete),
            proposals.ReadyFor("WBK").Count,
            proposals.ReadyFor("WBBM").Count,
            proposals.PrerequisitesOpen.Count,
            scores.Count(s => s.Readiness.Criteria.Any(c => c.Kind == CriterionKind.Prerequisite && c.Binding && c.Status == CriterionStatus.Unknown)),
            scores.Count(s => s.Highest is not null));
    }

    private static MeanMovement Mean(YearData data, TrendReport trends)
    {
        var now = trends.Groups.Single(g => g.Group == TrendAnalysis.AllUnits && g.Year == data.Year).Totals;
        var before = data.PreviousYear is { } p ? trends.Groups.Single(g => g.Group == TrendAnalysis.AllUnits && g.Year == p).Totals.Mean : null;
        var mean = Score.Round2(now.Mean ?? 0);
        var previous = Score.Round2(before);
        var change = previous is { } b ? mean - b : (decimal?)null;
        var text = change switch
        {
            null => null,
            > 0 => $"naik {Formats.Number(change.Value)} poin",
            < 0 => $"turun {Formats.Number(-change.Value)} poin",
            _ => "tetap",
        };
        var compared = data.PreviousYear is { } py
            ? data.Scores.Select(s => (Now: s.Card.Total, Then: data.History.Get(s.Unit.UnitId, py)?.Card.Total))
                .Where(x => x.Now is not null && x.Then is not null).Select(x => Score.Round2(x.Now!.Value) - Score.Round2(x.Then!.Value)).ToList()
            : [];
        return new MeanMovement(mean, Score.Round2(now.Median ?? 0), previous, change, text, compared.Count, compared.Count(c => c > 0), compared.Count(c => c < 0));
    }

    private static string HoldbackText(RuleSet rule, IReadOnlyList<AreaHoldback> holdbacks)
    {
        var named = holdbacks.Where(h => h.UnitsHeldBack > 0).Take(HoldbacksNamed)
            .Select(h => $"{rule.FindArea(h.Area)?.Name ?? h.Name} ({h.UnitsHeldBack} unit)").ToList();
        return named.Count == 0 ? "-" : Join(named);
    }

    public static LevelMinimums Minimums(RuleSet rule)
    {
        decimal Min(string level, Func<CriterionRule, bool> which) => rule.FindPredicate(level)?.Criteria.FirstOrDefault(which)?.Min ?? 0;
        return new LevelMinimums(
            Min("WBK", c => c.Metric == "total"), Min("WBBM", c => c.Metric == "total"),
            Min("WBK", c => c.Metric == "pengungkit"), Min("WBBM", c => c.Metric == "pengungkit"),
            Min("WBK", c => c.Unit == CriterionUnit.Percent), Min("WBBM", c => c.Unit == CriterionUnit.Percent));
    }

    /// <summary>One row per criterion across the levels (the areas' percentage criteria as one row), then the predicate a level requires held.</summary>
    private static IReadOnlyList<ThresholdRow> Thresholds(RuleSet rule)
    {
        static string Key(CriterionRule c) => c.Unit == CriterionUnit.Percent ? "areaPercent" : c.Id;
        var rows = new List<ThresholdRow>();
        foreach (var key in rule.Predicates.SelectMany(p => p.Criteria).Select(Key).Distinct())
        {
            var per = rule.Predicates.Select(p => p.Criteria.FirstOrDefault(c => Key(c) == key)).ToList();
            var first = per.First(c => c is not null)!;
            var label = key == "areaPercent" ? "Setiap area pengungkit (% bobot)" : first.Label;
            string Requirement(CriterionRule? c) => c is null ? "-" : $"≥ {ReadinessText.Min(c.Min)}" + (c.Unit == CriterionUnit.Percent ? "%" : "");
            var marks = per.OfType<CriterionRule>().Select(c => c.Confidence).Distinct().ToList();
            rows.Add(new ThresholdRow(label, Requirement(per.ElementAtOrDefault(Index(rule, "WBK")) ), Requirement(per.ElementAtOrDefault(Index(rule, "WBBM"))), string.Join(" / ", marks)));
        }
        foreach (var level in rule.Predicates.Where(p => p.RequiresHeld is not null))
        {
            var mark = level.RequiresHeldSource is { } source && source.StartsWith('[') ? source[1..source.IndexOf(']', StringComparison.Ordinal)] : "U";
            rows.Add(new ThresholdRow("Predikat yang telah diperoleh sebelumnya",
                level.Code == "WBK" ? level.RequiresHeld! : "-", level.Code == "WBBM" ? level.RequiresHeld! : "-", mark));
        }
        return rows;
    }

    private static int Index(RuleSet rule, string level) => rule.Predicates.ToList().FindIndex(p => p.Code == level);

    private static IReadOnlyList<PrerequisiteRow> Prerequisites(RuleSet rule, IReadOnlyList<UnitYearScore> scores) =>
        [.. rule.Prerequisites.Select(p =>
        {
            string For(string level) => p.By is null
                ? ReadinessEvaluator.Describe(p.Levels.GetValueOrDefault(level) ?? p.Levels.GetValueOrDefault("*"))
                : string.Join("; ", p.Cases.Select(c => $"{c.Key} {ReadinessEvaluator.Describe(c.Value.GetValueOrDefault(level) ?? c.Value.GetValueOrDefault("*"))}"));
            var unknown = scores.Count(s => s.Readiness.Criteria.Any(c => c.Criterion == p.Criterion && c.Binding && c.Status == CriterionStatus.Unknown));
            return new PrerequisiteRow(p.Label, p.Fact.Scope == FactScope.Instansi ? "Instansi" : "Unit kerja", For("WBK"), For("WBBM"), p.Confidence, unknown);
        })];

    private static IReadOnlyList<AreaRow> Areas(RuleSet rule, IReadOnlyList<UnitYearScore> scores, TrendReport trends)
    {
        var minimums = Minimums(rule);
        return [.. rule.Areas.Select(a =>
        {
            var h = trends.Holdbacks.Single(x => x.Area == a.Code);
            var percents = scores.Select(s => Score.Round2(s.Card.Area(a.Code)?.Percent ?? 0)).ToList();
            var mean = Score.Round2(h.MeanPercent);
            var change = Score.Round2(h.MeanPercentChange);
            return new AreaRow(a.Code, a.Name, a.Weight, mean, change is { } c ? mean - c : null, change,
                h.BelowWbkMinimum, percents.Count(p => p < minimums.WbbmArea), h.UnitsHeldBack);
        })];
    }

    private static IReadOnlyList<InstansiRow> Instansi(TrendReport trends, IReadOnlyList<TargetRow> targets, int year, int? previousYear) =>
        [.. trends.Groups.Where(g => g.Year == year && g.Group != TrendAnalysis.AllUnits).Select(g =>
        {
            var before = previousYear is { } p ? trends.Groups.FirstOrDefault(x => x.Year == p && x.Group == g.Group)?.Totals.Mean : null;
            var target = targets.FirstOrDefault(t => t.Year == year && string.Equals(t.Instansi, g.Group, StringComparison.OrdinalIgnoreCase));
            return new InstansiRow(g.Group, g.Totals.Count, g.Wbbm, g.Wbk, g.Belum, Score.Round2(g.Totals.Mean ?? 0), Score.Round2(before),
                Score.Round2(g.Totals.Min ?? 0), Score.Round2(g.Totals.Max ?? 0), target?.TargetWbk, target?.ReadyWbk ?? 0);
        })];

    private static MoverRow Mover(Mover m) => new(m.Unit.UnitId, m.Unit.UnitName, Score.Round2(m.FromTotal), Score.Round2(m.ToTotal),
        Score.Round2(m.ToTotal) - Score.Round2(m.FromTotal), m.FromVerdict, m.ToVerdict);

    private static SourceRow Source(SourceFileInfo f)
    {
        var kind = f.Format switch
        {
            "lke-csv" => "LKE (CSV)",
            "lke-sheet" => "LKE (lembar kerja)",
            "lke-workbook" => "Buku kerja LKE",
            "tpi-workbook" => "Templat reviu TPI",
            "predikat" => "Riwayat predikat",
            "rekap" => "Rekap nilai",
            "fakta-unit" => "Fakta unit kerja",
            "fakta-instansi" => "Fakta instansi",
            "target" => "Target instansi",
            "portalrb-soal" => "Bank soal PortalRB",
            "portalrb-jawaban" => "Jawaban PortalRB",
            _ => f.Format,
        };
        var years = f.FirstYear is { } first && f.LastYear is { } last ? (first == last ? $"{first}" : $"{first}–{last}") : "";
        var backs = f.CurrentVersions == 0 ? "-" : $"{f.CurrentVersions} LKE {years}";
        return new SourceRow(f.File, kind, f.Rows, backs, f.Sha256.Length > 12 ? f.Sha256[..12] : f.Sha256);
    }

    // The overview charts. Every text is Bahasa Indonesia; numbers in id-ID.

    /// <summary>Each area's mean % of weight across the years, all units together.</summary>
    public static byte[] AreaTrendChart(YearData data, TrendReport trends)
    {
        var rule = data.Rule;
        var groups = trends.Groups.Where(g => g.Group == TrendAnalysis.AllUnits).ToList();
        var series = rule.Areas.Select(a => new TrendSeries(a.ShortName,
            [.. groups.Where(g => g.AreaMeanPercent.ContainsKey(a.Code)).Select(g => new YearValue(g.Year, (double)g.AreaMeanPercent[a.Code]))])).ToList();
        var first = groups[0].Year;
        return Charts.AreaTrendChart.Render(new Charts.AreaTrendChart.Data(
            $"Rata-rata capaian area, semua unit {first}–{data.Year}",
            "Nilai area (% bobot)",
            series,
            UnitCharts.AreaMinimums(rule),
            UnitCharts.Tick), height: UnitCharts.TrendHeight);
    }

    /// <summary>Every unit (rows, by code) × area, coloured by % of weight.</summary>
    public static byte[] HeatmapChart(YearData data) => HeatmapChart(data.Scores, data.Year);

    /// <summary>The given units of a year (rows, in the order given) × area, coloured by % of weight (the web dashboard draws its reader's units).</summary>
    public static byte[] HeatmapChart(IReadOnlyList<UnitYearScore> scores, int year)
    {
        var rule = scores[0].Card.Rule;
        var rows = scores.Select(s => new HeatmapRow($"{s.Unit.UnitId} {s.Unit.UnitName}",
            [.. rule.Areas.Select(a => (double?)(s.Card.Area(a.Code)?.Percent))])).ToList();
        return AreaHeatmapChart.Render(new AreaHeatmapChart.Data(
            $"Capaian area per unit {year}",
            [.. rule.Areas.Select(a => a.Code)],
            rows,
            UnitCharts.AreaMinimums(rule),
            "Nilai area (% bobot)",
            // The product's one convention for a value beside a minimum: 2 decimals, as the verdict rounds.
            v => Formats.Score((decimal)v),
            UnitCharts.Tick));
    }

    /// <summary>How the year's totals spread, against the total minimums.</summary>
    public static byte[] DistributionChart(YearData data)
    {
        var minimums = Minimums(data.Rule);
        var totals = data.Scores.Where(s => s.Card.Total is not null).Select(s => (double)Score.Round2(s.Card.Total!.Value)).ToList();
        return TotalsDistributionChart.Render(new TotalsDistributionChart.Data(
            $"Sebaran nilai total {data.Year} ({totals.Count} unit)",
            "Nilai total",
            "Jumlah unit",
            totals,
            2.5,
            [
                new ThresholdLine((double)minimums.WbkTotal, $"Minimum WBK {ReadinessText.Min(minimums.WbkTotal)}", ThresholdStyle.Wbk),
                new ThresholdLine((double)minimums.WbbmTotal, $"Minimum WBBM {ReadinessText.Min(minimums.WbbmTotal)}", ThresholdStyle.Wbbm),
            ],
            v => Formats.Number((decimal)v, 0),
            v => Formats.Number((decimal)v, 0)));
    }
}
