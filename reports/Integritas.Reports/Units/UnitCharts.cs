using Integritas.Analytics;
using Integritas.Charts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Store.Queries;

namespace Integritas.Reports.Units;

/// <summary>The pictures of one unit: its areas on a radar and across its years, against the area minimums.</summary>
public static class UnitCharts
{
    /// <summary>The radar is a little shorter than the recipe's default so it leaves room on the page for its table.</summary>
    public const int RadarHeight = 600;

    public const int TrendHeight = 520;

    /// <summary>The year's areas (% of weight) filled, the previous year's as an outline, against the WBK and WBBM minimums.</summary>
    public static byte[] Radar(YearData data, UnitYearScore score) => Radar(data.History, data.PreviousYear, score);

    /// <summary>The radar of <paramref name="score"/>, with the unit's <paramref name="previousYear"/> (when scored) as the outline.</summary>
    public static byte[] Radar(ScoreHistory history, int? previousYear, UnitYearScore score)
    {
        var rule = score.Card.Rule;
        var series = new List<ValueSeries> { new(score.Year.ToString(Formats.Indonesian), [.. rule.Areas.Select(a => (double)(score.Card.Area(a.Code)?.Percent ?? 0))]) };
        if (previousYear is { } previous && history.Get(score.Unit.UnitId, previous) is { } before)
        {
            // An area the earlier rule did not have is left at 0 rather than dropping the outline.
            series.Add(new ValueSeries(previous.ToString(Formats.Indonesian), [.. rule.Areas.Select(a => (double)(before.Card.Area(a.Code)?.Percent ?? 0))]));
        }
        return AreaRadarChart.Render(new AreaRadarChart.Data(
            $"Capaian area pengungkit {score.Unit.UnitId} {score.Year}",
            [.. rule.Areas.Select(a => a.ShortName)],
            series,
            AreaMinimums(rule),
            Percent,
            Tick), height: RadarHeight);
    }

    /// <summary>Each area's % of weight across the unit's scored years, against the area minimums.</summary>
    public static byte[] Trend(UnitTrend trend, RuleSet rule)
    {
        var series = rule.Areas.Select(a => new TrendSeries(a.ShortName,
            [.. trend.Years.SelectMany(y => y.Areas.Where(p => p.Area == a.Code).Select(p => new YearValue(y.Year, (double)p.Percent)))])).ToList();
        var first = trend.Years[0].Year;
        var last = trend.Years[^1].Year;
        var span = first == last ? $"{first}" : $"{first}–{last}";
        return AreaTrendChart.Render(new AreaTrendChart.Data(
            $"Capaian area {trend.Unit.UnitId} {span}",
            "Nilai area (% bobot)",
            series,
            AreaMinimums(rule),
            Tick), height: TrendHeight);
    }

    /// <summary>The dashed WBK and WBBM lines: the minimum each area must reach, as % of its weight.</summary>
    public static IReadOnlyList<ThresholdLine> AreaMinimums(RuleSet rule) =>
        [.. rule.Predicates
            .Select(p => (p.Code, Min: p.Criteria.FirstOrDefault(c => c.Unit == CriterionUnit.Percent)?.Min))
            .Where(p => p.Min is not null)
            .Select(p => new ThresholdLine((double)p.Min!.Value, $"Minimum area {p.Code} {ReadinessText.Min(p.Min)}%", Style(p.Code)))];

    private static ThresholdStyle Style(string level) => level switch
    {
        "WBK" => ThresholdStyle.Wbk,
        "WBBM" => ThresholdStyle.Wbbm,
        _ => ThresholdStyle.Neutral,
    };

    /// <summary>An area's % of weight on a chart: 2 decimals as everywhere a value meets a minimum (59,98% never "60,0%").</summary>
    public static string Percent(double value) => Formats.ScorePercent((decimal)value);

    public static string Tick(double value) => Formats.Number((decimal)value, 0) + "%";
}
