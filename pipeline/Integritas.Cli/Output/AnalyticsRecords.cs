using Integritas.Analytics;
using Integritas.Domain.Readiness;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Cli.Output;

// The stable JSON shapes of zi candidates, zi rank, zi unit, zi trends and zi targets (documented in README.md).
// Scores are rounded half up to 2 decimals; percentages are % of the area's weight.

/// <summary>Points still needed toward a level: in total, per area and per hasil part (only those short).</summary>
public sealed record PointsRecord(string Level, decimal? Total, IReadOnlyDictionary<string, decimal> ByArea, IReadOnlyDictionary<string, decimal> ByHasilPart)
{
    public static PointsRecord? From(PointsNeeded? points) => points is null ? null : new(
        points.Predicate, Score.Round2(points.Total),
        points.ByArea.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => Score.Round2(a.Value)),
        points.ByHasilPart.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => Score.Round2(p.Value)));
}

public sealed record QuestionRecord(string Question, string Area, string Indicator, string Kind, string Answer, string? NextAnswer, decimal? Gain, bool Blank, string Text)
{
    public static QuestionRecord From(QuestionGain g) =>
        new(g.Question, g.Area, g.Indicator, g.Kind, g.Answer, g.NextAnswer, Score.Round2(g.Gain), g.Blank, g.Text);
}

/// <summary>The projected next-year scores: total, area % of weight, whether they would meet the target on the scores, and the points still needed then.</summary>
public sealed record ProjectionRecord(int Year, int FromYear, int YearsOfHistory, decimal? Total, IReadOnlyDictionary<string, decimal> AreaPercent, decimal? Hasil, bool? ScoreReady, PointsRecord? PointsNeeded)
{
    public static ProjectionRecord? From(ProjectedScores? p, bool? scoreReady, PointsNeeded? needed) => p is null ? null : new(
        p.Year, p.FromYear, p.YearsOfHistory, Score.Round2(p.Total), p.AreaPercent.ToDictionary(a => a.Key, a => Score.Round2(a.Value)),
        Score.Round2(p.Card.Hasil), scoreReady, PointsRecord.From(needed));
}

public sealed record CandidateRecord(
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
    int BlankQuestions,
    PointsRecord? PointsNeeded,
    IReadOnlyList<ShortfallRecord> Shortfalls,
    IReadOnlyList<ShortfallRecord> PrerequisitesOpen,
    ProjectionRecord? Projection,
    IReadOnlyList<QuestionRecord> TopQuestions)
{
    public static CandidateRecord From(CandidateAnalysis c) => new(
        c.Rank, c.Target, c.Unit.UnitId, c.Unit.UnitName, c.Unit.Instansi, c.Score.Year, Score.Round2(c.Score.Card.Total),
        c.Score.Readiness.Verdict, c.Score.Readiness.ScoreVerdict, c.Ready, c.ScoreReady, c.Score.Card.BlankQuestions,
        PointsRecord.From(c.Needed), [.. c.ScoreShortfalls.Select(ShortfallRecord.From)], [.. c.PrerequisiteShortfalls.Select(ShortfallRecord.From)],
        ProjectionRecord.From(c.Projection, c.ProjectedScoreReady, c.ProjectedNeeded), [.. c.TopQuestions.Select(QuestionRecord.From)]);
}

public sealed record BacktestRecord(string Measure, string Label, int Count, decimal MaeProjection, decimal MaeLastYear, decimal Bias)
{
    public static BacktestRecord From(BacktestError e) => new(e.Measure, e.Label, e.Count,
        Score.Round2(e.MaeProjection), Score.Round2(e.MaeLastYear), Score.Round2(e.Bias));
}

public sealed record BacktestSummary(int Year, int Units, string Method, IReadOnlyList<BacktestRecord> Areas, BacktestRecord? Total)
{
    public static BacktestSummary From(BacktestResult b) =>
        new(b.Year, b.Units, Projection.Method, [.. b.Areas.Select(BacktestRecord.From)], b.Total is null ? null : BacktestRecord.From(b.Total));
}

public sealed record CandidateList(int Year, int NextYear, string Target, string RuleVersion, string Method, BacktestSummary? Backtest, IReadOnlyList<CandidateRecord> Candidates);

public sealed record TrendAreaRecord(decimal Score, decimal Percent, decimal? PercentChange);

public sealed record TrendYearRecord(int Year, string RuleVersion, bool RuleChanged, decimal? Total, decimal? TotalChange, IReadOnlyDictionary<string, TrendAreaRecord> Areas, string Readiness, string ScoreReadiness, int BlankQuestions)
{
    public static TrendYearRecord From(UnitYearTrend y) => new(
        y.Year, y.RuleVersion, y.RuleChanged, Score.Round2(y.Total), Score.Round2(y.TotalChange),
        y.Areas.ToDictionary(a => a.Area, a => new TrendAreaRecord(Score.Round2(a.Score), Score.Round2(a.Percent), Score.Round2(a.PercentChange))),
        y.Verdict, y.ScoreVerdict, y.BlankQuestions);
}

public sealed record UnitTrendRecord(string UnitId, string UnitName, string Instansi, IReadOnlyList<TrendYearRecord> Years)
{
    public static UnitTrendRecord From(UnitTrend t) => new(t.Unit.UnitId, t.Unit.UnitName, t.Unit.Instansi, [.. t.Years.Select(TrendYearRecord.From)]);
}

public sealed record GroupRecord(string Group, int Year, int Units, decimal? Mean, decimal? Median, decimal? StdDev, decimal? Min, decimal? Max,
    int Wbbm, int Wbk, int Belum, int ScoreReadyWbk, int Incomplete, IReadOnlyDictionary<string, decimal> AreaMeanPercent)
{
    public static GroupRecord From(GroupYearStats g) => new(g.Group, g.Year, g.Totals.Count, Score.Round2(g.Totals.Mean), Score.Round2(g.Totals.Median),
        Score.Round2(g.Totals.StdDev), Score.Round2(g.Totals.Min), Score.Round2(g.Totals.Max), g.Wbbm, g.Wbk, g.Belum, g.ScoreReadyWbk, g.Incomplete,
        g.AreaMeanPercent.ToDictionary(a => a.Key, a => Score.Round2(a.Value)));
}

public sealed record HoldbackRecord(string Area, string Name, int UnitsHeldBack, int BelowWbkMinimum, decimal MeanPercent, decimal? MeanPercentChange)
{
    public static HoldbackRecord From(AreaHoldback h) => new(h.Area, h.Name, h.UnitsHeldBack, h.BelowWbkMinimum, Score.Round2(h.MeanPercent), Score.Round2(h.MeanPercentChange));
}

public sealed record MoverRecord(string UnitId, string UnitName, string Instansi, int FromYear, decimal FromTotal, decimal ToTotal, decimal Change, string FromReadiness, string Readiness, bool RuleChanged)
{
    public static MoverRecord From(Mover m) => new(m.Unit.UnitId, m.Unit.UnitName, m.Unit.Instansi, m.FromYear,
        Score.Round2(m.FromTotal), Score.Round2(m.ToTotal), Score.Round2(m.Change), m.FromVerdict, m.ToVerdict, m.RuleChanged);
}

public sealed record LostRecord(string UnitId, string UnitName, string Level, string Criterion, string Label, string Unit, decimal? PreviousActual, decimal? Actual, decimal? Required, string? PreviousActualText, string? ActualText, string? RequiredText)
{
    public static LostRecord From(LostCriterion l) => new(l.Unit.UnitId, l.Unit.UnitName, l.Level, l.Criterion, l.Label, ShortfallRecord.UnitOf(l.Kind),
        l.PreviousActual, l.Actual, l.Required, l.PreviousActualText, l.ActualText, l.RequiredText);
}

public sealed record TargetRecord(string Instansi, int Year, int Units, int? TargetWbk, int? TargetWbbm, int ReadyWbk, int ReadyWbbm, int ScoreReadyWbk, int ScoreReadyWbbm, int? AwardedWbk, int? AwardedWbbm)
{
    public static TargetRecord From(TargetRow t) => new(t.Instansi, t.Year, t.Units, t.TargetWbk, t.TargetWbbm, t.ReadyWbk, t.ReadyWbbm,
        t.ScoreReadyWbk, t.ScoreReadyWbbm, t.AwardsKnown ? t.AwardedWbk : null, t.AwardsKnown ? t.AwardedWbbm : null);
}

public sealed record TrendsRecord(
    int Year,
    int? PreviousYear,
    IReadOnlyList<int> Years,
    IReadOnlyList<GroupRecord> Groups,
    IReadOnlyList<HoldbackRecord> Areas,
    IReadOnlyList<MoverRecord> Improved,
    IReadOnlyList<MoverRecord> Declined,
    IReadOnlyList<LostRecord> LostCriteria,
    IReadOnlyList<TargetRecord> Targets,
    IReadOnlyList<UnitTrendRecord> Units)
{
    public static TrendsRecord From(TrendReport t, IReadOnlyList<TargetRow> targets) => new(
        t.Year, t.PreviousYear, t.Years, [.. t.Groups.Select(GroupRecord.From)], [.. t.Holdbacks.Select(HoldbackRecord.From)],
        [.. t.Improved.Select(MoverRecord.From)], [.. t.Declined.Select(MoverRecord.From)], [.. t.Lost.Select(LostRecord.From)],
        [.. targets.Select(TargetRecord.From)], [.. t.Units.Select(UnitTrendRecord.From)]);
}

public sealed record HeldRecord(string Predicate, int Year);

/// <summary>One unit explained (<c>zi unit</c>): the year's scores, every criterion, the trend, the points needed, the projection and the questions to improve.</summary>
public sealed record UnitRecord(
    ScoreRecord Scores,
    string RuleLabel,
    IReadOnlyList<HeldRecord> Held,
    string? Target,
    IReadOnlyList<CriterionRecord> Criteria,
    PointsRecord? PointsNeeded,
    IReadOnlyList<TrendYearRecord> Trend,
    ProjectionRecord? Projection,
    IReadOnlyList<QuestionRecord> TopQuestions);

internal static class RecordFactory
{
    public static UnitRecord Unit(UnitYearScore score, UnitTrend trend, CandidateAnalysis? candidate, IReadOnlyList<QuestionGain> questions) => new(
        ScoreRecord.From(score), score.Card.Rule.Label, [.. score.Held.Select(h => new HeldRecord(h.Predicate, h.Year))], candidate?.Target,
        [.. score.Readiness.Criteria.Select(CriterionRecord.From)],
        // As the unit's page says: toward the level it aims at, or for a holder of the highest level, toward keeping it.
        PointsRecord.From(candidate?.Needed ?? ReadinessEvaluator.Points(score.Card, score.Card.Rule.FindPredicate(candidate?.Target ?? score.Card.Rule.Predicates[^1].Code)!)),
        [.. trend.Years.Select(TrendYearRecord.From)],
        candidate is null ? null : ProjectionRecord.From(candidate.Projection, candidate.ProjectedScoreReady, candidate.ProjectedNeeded),
        [.. questions.Select(QuestionRecord.From)]);
}
