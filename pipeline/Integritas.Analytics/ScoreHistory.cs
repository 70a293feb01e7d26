using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Store.Queries;

namespace Integritas.Analytics;

/// <summary>
/// Every scored unit-year in the database (one review layer per unit-year: the chosen or most senior), with
/// the predicate history: what trends, projections and candidate lists are computed from. Loaded once.
/// </summary>
public sealed class ScoreHistory
{
    private readonly ILookup<string, UnitYearScore> _byUnit;
    private readonly Dictionary<(string, int), UnitYearScore> _byUnitYear;

    public ScoreHistory(IReadOnlyList<UnitYearScore> scores, ILookup<string, HeldPredicate> held, RuleCatalog rules)
    {
        All = scores;
        Held = held;
        Rules = rules;
        _byUnit = scores.OrderBy(s => s.Year).ToLookup(s => s.Unit.UnitId, StringComparer.Ordinal);
        _byUnitYear = scores.ToDictionary(s => (s.Unit.UnitId, s.Year));
        Years = [.. scores.Select(s => s.Year).Distinct().Order()];
    }

    public static ScoreHistory Load(DuckDBConnection connection, RuleCatalog rules, Reviewer? layer = null)
    {
        var queries = new ScoreQueries(rules);
        return new ScoreHistory(queries.Load(connection, new ScoreFilter(Layer: layer)), queries.Predicates(connection), rules);
    }

    public IReadOnlyList<UnitYearScore> All { get; }

    public ILookup<string, HeldPredicate> Held { get; }

    public RuleCatalog Rules { get; }

    /// <summary>The evaluation years with scores, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>A unit's scored years, oldest first.</summary>
    public IEnumerable<UnitYearScore> Of(string unitId) => _byUnit[unitId];

    public UnitYearScore? Get(string unitId, int year) => _byUnitYear.GetValueOrDefault((unitId, year));

    public IReadOnlyList<UnitYearScore> InYear(int year) => [.. All.Where(s => s.Year == year)];

    /// <summary>The latest year before <paramref name="year"/> with scores, or null.</summary>
    public int? YearBefore(int year) => Years.LastOrDefault(y => y < year) is var y && y > 0 ? y : null;

    /// <summary>The predicates a unit holds after the awards of <paramref name="year"/>.</summary>
    public ISet<string> HeldAfter(string unitId, int year) =>
        Held[unitId].Where(h => h.Year <= year).Select(h => h.Predicate).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The level a unit aims at after the year's awards: the one above the highest it holds (WBK when it holds
    /// none, WBBM for a WBK holder); null when it holds the highest level there is.
    /// </summary>
    public string? TargetOf(UnitYearScore score)
    {
        var held = HeldAfter(score.Unit.UnitId, score.Year);
        var levels = score.Card.Rule.Predicates;
        var highest = levels.ToList().FindLastIndex(p => held.Contains(p.Code));
        return highest + 1 < levels.Count ? levels[highest + 1].Code : null;
    }
}
