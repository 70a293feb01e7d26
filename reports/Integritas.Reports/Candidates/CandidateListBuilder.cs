using System.Globalization;
using Integritas.Analytics;
using Integritas.Charts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Reports.Candidates;

/// <summary>How many candidates of each level the candidate list shows in detail (questions and points per area).</summary>
public sealed record CandidateListOptions(int DetailWbk = 10, int DetailWbbm = 5)
{
    public static CandidateListOptions Default { get; } = new();
}

/// <summary>What the candidate list is built from: one year's scores and the analyses drawn from its history.</summary>
public sealed record CandidateListInput(
    int Year,
    DateOnly Today,
    IReadOnlyList<UnitYearScore> Scores,
    IReadOnlyList<CandidateAnalysis> Wbk,
    IReadOnlyList<CandidateAnalysis> Wbbm,
    IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<TargetRow> NextTargets,
    BacktestResult Backtest);

/// <summary>Builds the planners' candidate list from the candidate analyses, targets and backtest of one year.</summary>
public static class CandidateListBuilder
{
    public const string Siap = "siap";
    public const string Nilai = "nilai";
    public const string Belum = "belum";

    /// <param name="input">The year's candidates, targets and backtest.</param>
    /// <param name="options">How many candidates get a detail section.</param>
    /// <param name="charts">The chart picture's path per level ("WBK", "WBBM"), as the template's data holds it.</param>
    public static CandidateListModel Build(CandidateListInput input, CandidateListOptions? options = null, Func<string, string>? charts = null)
    {
        charts ??= level => $"daftar-kandidat-{input.Year}-{level.ToLowerInvariant()}.png";
        options ??= CandidateListOptions.Default;
        var year = input.Year;
        if (input.Scores.Count == 0)
        {
            throw new InvalidOperationException($"No unit has a stored LKE for {year}; there are no candidates to list.");
        }
        var rule = input.Scores[0].Card.Rule;
        return new CandidateListModel(
            $"Daftar Kandidat WBK dan WBBM {year + 1}",
            year,
            year + 1,
            input.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rule.Label,
            rule.Title,
            input.Scores.Count,
            input.Scores.Select(s => s.Unit.Instansi).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            Level(rule, "WBK", input.Wbk, input.NextTargets.Select(t => t.TargetWbk), options.DetailWbk, charts("WBK")),
            Level(rule, "WBBM", input.Wbbm, input.NextTargets.Select(t => t.TargetWbbm), options.DetailWbbm, charts("WBBM")),
            Instansi(input.Targets, input.NextTargets),
            input.Targets.Any(t => t.AwardsKnown),
            ProjectionNote(input.Backtest));
    }

    private static CandidateLevel Level(RuleSet rule, string level, IReadOnlyList<CandidateAnalysis> candidates, IEnumerable<int?> targets, int detail, string chart)
    {
        var predicate = rule.FindPredicate(level) ?? throw new InvalidOperationException($"Rule {rule.Label} defines no {level} level.");
        decimal Min(string metricPrefix) => predicate.Criteria.FirstOrDefault(c => c.Metric.StartsWith(metricPrefix, StringComparison.Ordinal))?.Min ?? 0;
        var rows = candidates.Select(Row).ToList();
        var known = targets.Where(t => t is not null).Select(t => t!.Value).ToList();
        return new CandidateLevel(
            level,
            predicate.Name,
            predicate.RequiresHeld,
            Min("total"),
            Min("areaPercent"),
            candidates.Count,
            candidates.Count(c => c.Ready),
            candidates.Count(c => c.ScoreReady && !c.Ready),
            candidates.Count(c => !c.ScoreReady && c.ProjectedScoreReady == true),
            candidates.Count(c => !c.ScoreReady && c.ProjectedScoreReady != true),
            known.Count == 0 ? null : known.Sum(),
            rows,
            [.. rows.Take(Math.Max(0, detail))],
            Math.Max(0, rows.Count - Math.Max(0, detail)),
            chart,
            AtCriteria(candidates));
    }

    /// <summary>The candidates at the score criteria (0 points to add), which the chart does not draw, by code with their status.</summary>
    private static string? AtCriteria(IReadOnlyList<CandidateAnalysis> candidates)
    {
        var at = candidates.Where(c => Score.Round2(c.Needed.Total) == 0).Select(c =>
            $"{c.Unit.UnitId} ({(c.Ready ? "siap" : c.ScoreReady ? "syarat belum lengkap" : $"{c.Score.Card.BlankQuestions} soal kosong")})").ToList();
        return at.Count == 0 ? null : string.Join(", ", at);
    }

    /// <summary>How the candidate chart's legend names each status.</summary>
    public static readonly ReadinessLabels ChartLabels = new("Siap diusulkan", $"Kurang ≤ {Formats.Number(ProposalSummary.ClosePoints, 0)} poin, LKE lengkap", "Lainnya");

    /// <summary>
    /// Each candidate's distance to the level's score criteria: the points it needs, fewest first, coloured by how
    /// far (within 2 points, further); those already at the criteria (0 points) are named under the chart
    /// (<see cref="CandidateLevel.AtCriteria"/>) rather than drawn as empty bars. The WBK chart marks the 2 points
    /// that count as "close" in the briefing.
    /// </summary>
    public static byte[] Chart(int year, string level, IReadOnlyList<CandidateAnalysis> candidates)
    {
        var bars = candidates.Where(c => Score.Round2(c.Needed.Total) is not 0)
            .Select(c => new RankedBar($"{c.Unit.UnitId} {Formats.ShortName(c.Unit.UnitName, 28)}", (double)(Score.Round2(c.Needed.Total) ?? 0),
                ProposalSummary.IsCloseWbk(c) || (level != "WBK" && c.Needed.Total <= ProposalSummary.ClosePoints) ? Readiness.Wbk : Readiness.NotReady)).ToList();
        IReadOnlyList<ThresholdLine> close = level == "WBK"
            ? [new ThresholdLine((double)ProposalSummary.ClosePoints, $"Kurang ≤ {Formats.Number(ProposalSummary.ClosePoints, 0)} poin", ThresholdStyle.Neutral)]
            : [];
        return RankingBarChart.Render(new RankingBarChart.Data(
            $"Jarak kandidat {level} {year + 1} ke kriteria nilai {level} (LKE {year}, {bars.Count} dari {candidates.Count} unit)",
            "Poin yang masih dibutuhkan",
            bars,
            close,
            ChartLabels,
            v => Formats.Score((decimal)v),
            v => Formats.Number((decimal)v, 0),
            LargestFirst: false));
    }

    public static CandidateRow Row(CandidateAnalysis c)
    {
        var (status, label) = c.Ready ? (Siap, "Siap diusulkan") : c.ScoreReady ? (Nilai, "Siap menurut nilai") : (Belum, "Belum");
        var questions = c.TopQuestions.Select(Question).ToList();
        return new CandidateRow(
            c.Rank,
            c.Unit.UnitId,
            c.Unit.UnitName,
            c.Unit.Instansi,
            Score.Round2(c.Score.Card.Total),
            status,
            label,
            c.Ready,
            c.ScoreReady,
            c.Score.Card.BlankQuestions,
            Score.Round2(c.Needed.Total),
            Needs(c),
            [.. c.ScoreShortfalls.Select(ReadinessText.Gap).Select(KeepWithSign)],
            [.. c.PrerequisiteShortfalls.Select(ReadinessText.Gap).Select(KeepWithSign)],
            Score.Round2(c.Projection?.Total),
            c.ProjectedScoreReady == true,
            Score.Round2(c.ProjectedNeeded?.Total),
            questions.FirstOrDefault(),
            questions);
    }

    /// <summary>"(syarat ≥ 100)" with a no-break space after "≥", so a narrow column never leaves the sign alone at a line's end.</summary>
    private static string KeepWithSign(string text) => text.Replace("≥ ", "≥\u00A0", StringComparison.Ordinal);

    /// <summary>The areas, then the hasil parts, that lack points, in the rule's order, each with where it stands.</summary>
    private static List<CandidateNeed> Needs(CandidateAnalysis c)
    {
        var rule = c.Score.Card.Rule;
        var needs = new List<CandidateNeed>();
        void Add(string criterion, string code, string name, decimal? points)
        {
            if (points is not { } p || Score.Round2(p) <= 0)
            {
                return;
            }
            var shortfall = c.ScoreShortfalls.FirstOrDefault(s => s.Criterion == criterion);
            needs.Add(new CandidateNeed(code, name, Score.Round2(p), shortfall is null ? name : ReadinessText.Gap(shortfall)));
        }
        foreach (var area in rule.Areas)
        {
            Add("area." + area.Code, area.Code, area.ShortName, c.Needed.ByArea.TryGetValue(area.Code, out var p) ? p : null);
        }
        foreach (var part in rule.HasilParts)
        {
            Add("hasil." + part.Code, part.Code, part.ShortName, c.Needed.ByHasilPart.TryGetValue(part.Code, out var p) ? p : null);
        }
        return needs;
    }

    public static CandidateQuestion Question(QuestionGain q)
    {
        if (q.Blank)
        {
            return new CandidateQuestion(q.Question, q.Area, q.Text, null, null, "belum dijawab", null, true);
        }
        var answer = Formats.Answer(q.Kind, q.Answer);
        var next = q.NextAnswer is null ? null : Formats.Answer(q.Kind, q.NextAnswer);
        return new CandidateQuestion(q.Question, q.Area, q.Text, answer, next, $"{answer} → {next ?? "-"}", Score.Round2(q.Gain), false);
    }

    private static List<CandidateInstansi> Instansi(IReadOnlyList<TargetRow> rows, IReadOnlyList<TargetRow> next)
    {
        var nextByName = next.ToDictionary(r => r.Instansi.ToUpperInvariant(), StringComparer.Ordinal);
        var names = rows.Select(r => r.Instansi).Concat(next.Select(r => r.Instansi))
            .GroupBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(n => n, StringComparer.Ordinal);
        var byName = rows.ToDictionary(r => r.Instansi.ToUpperInvariant(), StringComparer.Ordinal);
        var result = new List<CandidateInstansi>();
        foreach (var name in names)
        {
            var key = name.ToUpperInvariant();
            var row = byName.GetValueOrDefault(key);
            var ahead = nextByName.GetValueOrDefault(key);
            var known = row?.AwardsKnown == true;
            result.Add(new CandidateInstansi(
                name,
                row?.Units ?? 0,
                row?.TargetWbk,
                row?.ReadyWbk ?? 0,
                row?.ScoreReadyWbk ?? 0,
                known ? row!.AwardedWbk : null,
                ahead?.TargetWbk,
                row?.TargetWbbm,
                row?.ReadyWbbm ?? 0,
                row?.ScoreReadyWbbm ?? 0,
                known ? row!.AwardedWbbm : null,
                ahead?.TargetWbbm));
        }
        return result;
    }

    private static CandidateProjection ProjectionNote(BacktestResult backtest)
    {
        var rows = backtest.Areas.Append(backtest.Total).OfType<BacktestError>()
            .Select(e => new CandidateBacktestRow(e.Label, e.Count, Score.Round2(e.MaeProjection), Score.Round2(e.MaeLastYear), Score.Round2(e.Bias), e.MaeProjection < e.MaeLastYear))
            .ToList();
        return new CandidateProjection(
            Projection.Method,
            backtest.Year,
            backtest.Units,
            Score.Round2(backtest.Total?.MaeProjection),
            Score.Round2(backtest.Total?.MaeLastYear),
            rows);
    }
}
