using Integritas.Charts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Reports.Briefing;

/// <summary>Builds the briefing's data and chart from one evaluation year's scores.</summary>
public static class BriefingBuilder
{
    public const string ChartFileSuffix = "-areas.png";

    /// <summary>How many of the closest units that are not yet ready the shortlist adds after the ready ones.</summary>
    public const int ClosestCandidates = 8;

    /// <summary>Readiness order for tables: WBBM first, then WBK, then the rest.</summary>
    public static int Rank(string verdict) => verdict switch
    {
        "WBBM" => 0,
        "WBK" => 1,
        _ => 2,
    };

    public static BriefingModel Build(IReadOnlyList<UnitYearScore> scores, int year, DateOnly today, string chartFile)
    {
        if (scores.Count == 0)
        {
            throw new InvalidOperationException($"No unit has a stored LKE for {year}; there is nothing to brief on.");
        }
        var rule = scores[0].Card.Rule;
        var ordered = scores
            .OrderBy(s => Rank(s.Readiness.Verdict))
            .ThenByDescending(s => s.Card.Total ?? s.Card.Pengungkit)
            .ThenBy(s => s.Unit.UnitId, StringComparer.Ordinal)
            .ToList();
        var ready = ordered.Where(s => s.Readiness.Verdict != ReadinessResult.Belum).ToList();
        var closest = ordered.Where(s => s.Readiness.Verdict == ReadinessResult.Belum)
            .OrderBy(s => s.Readiness.NextLevelPoints?.Total ?? decimal.MaxValue)
            .ThenBy(s => s.Card.BlankQuestions)
            .ThenBy(s => s.Unit.UnitId, StringComparer.Ordinal)
            .Take(ClosestCandidates)
            .ToList();
        var shortlist = ready.Concat(closest).Select((s, i) => Unit(s, i + 1)).ToList();
        var counts = new BriefingCounts(
            scores.Count,
            scores.Count(s => s.Readiness.Verdict == "WBBM"),
            scores.Count(s => s.Readiness.Verdict == "WBK"),
            scores.Count(s => s.Readiness.Verdict == ReadinessResult.Belum),
            scores.Count(s => !s.Card.IsComplete),
            scores.Select(s => s.Unit.Instansi).Distinct(StringComparer.Ordinal).Count(),
            scores.Count(s => s.Readiness.Verdict != ReadinessResult.Belum && s.Highest is null),
            scores.Count(s => s.Readiness.Verdict == "WBBM" && s.Highest?.Predicate == "WBK"),
            scores.Count - shortlist.Count);
        var instansi = scores.GroupBy(s => s.Unit.Instansi, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BriefingInstansi(g.Key, g.Count(),
                g.Count(s => s.Readiness.Verdict == "WBBM"), g.Count(s => s.Readiness.Verdict == "WBK"),
                g.Count(s => s.Readiness.Verdict == ReadinessResult.Belum),
                Score.Round2(g.Average(s => s.Card.Total ?? s.Card.Pengungkit))))
            .ToList();
        return new BriefingModel(
            $"Kesiapan Zona Integritas {year}",
            year,
            year + 1,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            rule.Id,
            rule.Title,
            counts,
            instansi,
            shortlist,
            [.. ordered.Select((s, i) => Unit(s, i + 1))],
            Thresholds(rule),
            chartFile);
    }

    private static BriefingUnit Unit(UnitYearScore s, int no)
    {
        var card = s.Card;
        var verdict = s.Readiness.Verdict;
        var highest = s.Highest;
        var points = s.Readiness.NextLevelPoints?.Total is { } p ? Score.Round2(p) : (decimal?)null;
        // A unit ready for WBK that does not hold it yet is told so; its WBBM gaps come after the award.
        var proposeWbk = verdict == "WBK" && highest is null;
        var holdsTop = highest?.Predicate == "WBBM";
        var status = (verdict, highest?.Predicate) switch
        {
            ("WBBM", "WBBM") => $"Mempertahankan WBBM ({highest!.Year})",
            ("WBBM", "WBK") => "Siap diusulkan WBBM",
            ("WBBM", null) or ("WBK", null) => "Siap diusulkan WBK",
            ("WBK", "WBK") => $"Pemegang WBK ({highest!.Year}), menuju WBBM",
            ("WBK", "WBBM") => $"Pemegang WBBM ({highest!.Year}), di bawah kriteria WBBM",
            (_, "WBBM") => $"Pemegang WBBM ({highest!.Year}), di bawah kriteria WBK",
            (_, "WBK") => $"Pemegang WBK ({highest!.Year}), di bawah kriteria WBK",
            _ => "Menuju WBK",
        };
        var shortfalls = proposeWbk || (verdict == "WBBM") ? [] : s.Readiness.Shortfalls.Where(c => c.Kind != CriterionKind.Held).ToList();
        return new BriefingUnit(
            no,
            s.Unit.UnitId,
            s.Unit.UnitName,
            s.Unit.Instansi,
            Score.Round2(card.Total ?? 0),
            Score.Round2(card.Pengungkit),
            Score.Round2(card.Hasil ?? 0),
            verdict,
            ReadinessText.Label(verdict),
            highest is null ? "-" : $"{highest.Predicate} {highest.Year}",
            status,
            shortfalls.Count == 0 || holdsTop && verdict == "WBBM" ? null : points,
            ReadinessText.Shortfalls(shortfalls, 2),
            card.BlankQuestions);
    }

    private static BriefingThresholds Thresholds(RuleSet rule)
    {
        decimal Min(string predicate, string metricPrefix) =>
            rule.FindPredicate(predicate)?.Criteria.FirstOrDefault(c => c.Metric.StartsWith(metricPrefix, StringComparison.Ordinal))?.Min ?? 0;
        return new BriefingThresholds(Min("WBK", "total"), Min("WBBM", "total"), Min("WBK", "areaPercent"), Min("WBBM", "areaPercent"));
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
            v => Formats.Number((decimal)v, 1) + "%"));
    }
}
