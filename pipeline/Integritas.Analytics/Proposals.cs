using Integritas.Domain.Readiness;

namespace Integritas.Analytics;

/// <summary>
/// The year's proposal picture as lists, computed once from the candidates of every level and shared by every
/// report and the CLI, so that each headline count is the size of one of these lists: the units ready to
/// propose, the candidates ready on the scores whose prerequisites are still open, and the WBK candidates within
/// <see cref="ClosePoints"/> of every score criterion. Units already holding the level they score for are never
/// candidates for it, so they are in none of the lists.
/// </summary>
public sealed record ProposalSummary(
    IReadOnlyList<CandidateAnalysis> Ready,
    IReadOnlyList<CandidateAnalysis> PrerequisitesOpen,
    IReadOnlyList<CandidateAnalysis> CloseWbk)
{
    /// <summary>A WBK candidate this close to every score criterion (and with a complete LKE) counts as "close".</summary>
    public const decimal ClosePoints = 2m;

    /// <param name="candidates">The candidates of every level (<see cref="CandidateAnalysisBuilder.For(ScoreHistory, int, string, System.Linq.ILookup{string, QuestionGain}?, int)"/>), each list in its rank order.</param>
    public static ProposalSummary For(IEnumerable<CandidateAnalysis> candidates)
    {
        // Highest level first (WBBM before WBK), each level in its own rank order.
        var ordered = candidates
            .OrderByDescending(c => c.Score.Card.Rule.Predicates.ToList().FindIndex(p => p.Code == c.Target))
            .ThenBy(c => c.Rank)
            .ToList();
        return new ProposalSummary(
            [.. ordered.Where(c => c.Ready)],
            [.. ordered.Where(c => c.ScoreReady && !c.Ready)],
            [.. ordered.Where(IsCloseWbk)]);
    }

    /// <summary>
    /// A WBK candidate not ready on the scores, with a complete LKE, that lacks more than 0 and at most
    /// <see cref="ClosePoints"/> points (a candidate with 0,00 points to add is ready on the scores or held back by blank questions).
    /// </summary>
    public static bool IsCloseWbk(CandidateAnalysis c) =>
        c.Target == "WBK" && !c.ScoreReady && c.ScoreShortfalls.All(s => s.Kind != CriterionKind.BlankQuestions)
        && Domain.Scoring.Score.Round2(c.Needed.Total) is > 0 and <= ClosePoints;

    public IReadOnlyList<CandidateAnalysis> ReadyFor(string level) => [.. Ready.Where(c => c.Target == level)];
}
