using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Store.Queries;

namespace Integritas.Analytics;

/// <summary>
/// One unit-year explained, as <c>zi unit</c> and the web app's unit page show it: the scores, the level the unit
/// aims at, its candidate analysis toward that level (points needed, projection), the questions that gain most and
/// its trend across the years. Built once here so both show the same figures.
/// </summary>
public sealed record UnitExplanation(UnitYearScore Score, string? Target, CandidateAnalysis? Candidate, IReadOnlyList<QuestionGain> Questions, UnitTrend Trend)
{
    public const int TopQuestions = 8;

    public static UnitExplanation For(DuckDBConnection connection, ScoreHistory history, UnitYearScore score, Reviewer? layer = null)
    {
        var id = score.Unit.UnitId;
        var y = score.Year;
        var target = history.TargetOf(score);
        var gains = score.Card.Rule.ItemLevel ? QuestionGains.For(connection, score.Card.Rule, y, layer, id, perArea: 4)[id].ToList() : [];
        var candidate = target is null ? null
            : CandidateAnalysisBuilder.For(history, y, target, gains.ToLookup(_ => id, StringComparer.Ordinal), topQuestions: TopQuestions).SingleOrDefault(c => c.Unit.UnitId == id);
        var questions = candidate?.TopQuestions ?? [.. gains.OrderBy(g => g.Blank ? 0 : 1).ThenByDescending(g => g.Gain).Take(TopQuestions)];
        return new UnitExplanation(score, target, candidate, questions, TrendAnalysis.UnitTrendOf(history, id));
    }
}
