using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Domain.Scoring;

/// <summary>
/// Scores an item-level LKE the way the regulation's workbook does (domain reference section 2):
/// indicator = mean of answered values × weight; area = sum of its indicators per part; pengungkit =
/// pemenuhan + reform; hasil = its parts; total = pengungkit + hasil. All in <see cref="decimal"/>.
/// </summary>
public static class LkeScorer
{
    public static ScoreCard Score(RuleSet rule, IEnumerable<IndicatorTally> tallies)
    {
        var list = tallies as IReadOnlyCollection<IndicatorTally> ?? [.. tallies];
        var areas = rule.Areas.Select(area =>
        {
            var pemenuhan = Sum(list, area.Code, LkePart.Pemenuhan);
            var reform = Sum(list, area.Code, LkePart.Reform);
            return rule.SplitsPemenuhanReform
                ? new AreaScore(area, pemenuhan, reform, pemenuhan + reform)
                : new AreaScore(area, null, null, pemenuhan + reform);
        }).ToList();
        var parts = rule.HasilParts.Select(part =>
            new HasilPartScore(part, list.Where(t => t.Part == LkePart.Hasil && t.Indicator == part.Code).Sum(t => t.Value))).ToList();
        var questions = list.Sum(t => t.Answered + t.Blank);
        var blank = list.Sum(t => t.Blank);
        return new ScoreCard(rule, areas, parts, questions, blank);
    }

    private static decimal Sum(IEnumerable<IndicatorTally> tallies, string area, LkePart part) =>
        tallies.Where(t => t.Area == area && t.Part == part).Sum(t => t.Value);
}
