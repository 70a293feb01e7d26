using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;
using Integritas.Store.Queries;

namespace Integritas.Reports.Units;

/// <summary>
/// Everything the unit-level reports read about one evaluation year, loaded once: every scored unit-year
/// (for trends), the year's units in unit order, each unit's candidate analysis toward the level it aims at
/// (with its questions to improve), the question gains of units that aim at nothing higher, and the year's
/// reviewer changes and workbook findings per unit.
/// </summary>
public sealed class YearData
{
    private readonly Dictionary<string, CandidateAnalysis> _candidates;
    private readonly ILookup<string, QuestionGain> _gains;
    private readonly ILookup<string, LayerReview> _reviews;
    private readonly ILookup<string, FindingInfo> _findings;
    private readonly Dictionary<string, UnitYearScore> _selfAssessments;
    private readonly IReadOnlyDictionary<string, LheTeam> _teams;

    private YearData(int year, ScoreHistory history, IReadOnlyList<CandidateAnalysis> candidates, ILookup<string, QuestionGain> gains,
        IReadOnlyList<LayerReview> reviews, IReadOnlyList<FindingInfo> findings, IReadOnlyList<UnitYearScore> selfAssessments, IReadOnlyDictionary<string, LheTeam> teams)
    {
        Year = year;
        History = history;
        Scores = [.. history.InYear(year).OrderBy(s => s.Unit.UnitId, StringComparer.Ordinal)];
        if (Scores.Count == 0)
        {
            throw new InvalidOperationException($"No unit has a stored LKE for {year}; there is nothing to report on.");
        }
        Rule = Scores[0].Card.Rule;
        PreviousYear = history.YearBefore(year);
        Candidates = candidates;
        _candidates = candidates.ToDictionary(c => c.Unit.UnitId, StringComparer.Ordinal);
        _gains = gains;
        Reviews = reviews;
        _reviews = reviews.ToLookup(r => r.UnitId, StringComparer.Ordinal);
        Findings = findings;
        _findings = findings.ToLookup(f => f.UnitId, StringComparer.Ordinal);
        _selfAssessments = selfAssessments.ToDictionary(s => s.Unit.UnitId, StringComparer.Ordinal);
        _teams = teams;
    }

    /// <summary>Reads the year from the database: scores of every year, question gains, reviews and findings.</summary>
    public static YearData Load(DuckDBConnection connection, RuleCatalog rules, ReportRequest request)
    {
        var year = request.Year;
        var history = request.Shared.History(connection, rules);
        var rule = history.InYear(year).FirstOrDefault()?.Card.Rule;
        var gains = request.Shared.Gains(connection, rules, year) ?? Array.Empty<QuestionGain>().ToLookup(_ => "", StringComparer.Ordinal);
        // A unit is a candidate for one level at most (the one above what it holds), so the lists do not overlap.
        var candidates = (rule?.Predicates ?? [])
            .SelectMany(level => CandidateAnalysisBuilder.For(history, year, level.Code, gains))
            .ToList();
        var selfAssessments = new ScoreQueries(rules).Load(connection, new ScoreFilter(Year: year, Layer: Domain.Lke.Reviewer.Unit));
        return new YearData(year, history, candidates, gains, new ReviewChanges(rules).For(connection, year), Lineage.Findings(connection, year),
            selfAssessments, LheTeams.For(connection, year));
    }

    public int Year { get; }

    /// <summary>The latest year before <see cref="Year"/> with scores, or null.</summary>
    public int? PreviousYear { get; }

    public ScoreHistory History { get; }

    /// <summary>The year's unit-years, by unit code.</summary>
    public IReadOnlyList<UnitYearScore> Scores { get; }

    /// <summary>The rule in force for the year (amendments applied).</summary>
    public RuleSet Rule { get; }

    /// <summary>Every candidate of the year, for every level, each list ranked as <see cref="CandidateAnalysisBuilder"/> ranks it.</summary>
    public IReadOnlyList<CandidateAnalysis> Candidates { get; }

    public IReadOnlyList<LayerReview> Reviews { get; }

    public IReadOnlyList<FindingInfo> Findings { get; }

    /// <summary>The unit's analysis toward the level it aims at; null when it holds the highest level.</summary>
    public CandidateAnalysis? CandidateOf(string unitId) => _candidates.GetValueOrDefault(unitId);

    /// <summary>
    /// The unit's questions to improve: its candidate analysis's pick, or for a unit aiming at nothing higher,
    /// its blank questions and then its biggest gains.
    /// </summary>
    public IReadOnlyList<QuestionGain> QuestionsOf(string unitId, int top = CandidateAnalysisBuilder.TopQuestions) =>
        CandidateOf(unitId)?.TopQuestions is { Count: > 0 } picked
            ? [.. picked.Take(top)]
            : [.. _gains[unitId].OrderBy(g => g.Blank ? 0 : 1).ThenByDescending(g => g.Gain).ThenBy(g => g.Question, StringComparer.Ordinal).Take(top)];

    public IReadOnlyList<LayerReview> ReviewsOf(string unitId) => [.. _reviews[unitId]];

    public IReadOnlyList<FindingInfo> FindingsOf(string unitId) => [.. _findings[unitId]];

    /// <summary>The unit's own LKE of the year (the self-assessment layer), scored; null when only a reviewer's is stored.</summary>
    public UnitYearScore? SelfAssessmentOf(string unitId) => _selfAssessments.GetValueOrDefault(unitId);

    /// <summary>The TPI team that evaluated the unit in the year (lhe-tim.csv); null when none is stored.</summary>
    public LheTeam? TeamOf(string unitId) => _teams.GetValueOrDefault(unitId);
}
