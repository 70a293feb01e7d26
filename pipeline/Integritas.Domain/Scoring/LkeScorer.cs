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
        var list = tallies as IReadOnlyList<IndicatorTally> ?? [.. tallies];
        // One pass in the tallies' order: each sum adds its indicators in that order from 0, as a sum per
        // area, part and hasil part taken one at a time would (decimal addition rounds, so order is kept).
        var areas = rule.Areas;
        var pemenuhan = new decimal[areas.Count];
        var reform = new decimal[areas.Count];
        var hasil = new decimal[rule.HasilParts.Count];
        int questions = 0, blank = 0;
        for (var t = 0; t < list.Count; t++)
        {
            var tally = list[t];
            questions += tally.Answered + tally.Blank;
            blank += tally.Blank;
            if (tally.Part == LkePart.Hasil)
            {
                for (var p = 0; p < hasil.Length; p++)
                {
                    if (tally.Indicator == rule.HasilParts[p].Code)
                    {
                        hasil[p] += tally.Value;
                    }
                }
                continue;
            }
            var sums = tally.Part == LkePart.Pemenuhan ? pemenuhan : reform;
            for (var a = 0; a < areas.Count; a++)
            {
                if (tally.Area == areas[a].Code)
                {
                    sums[a] += tally.Value;
                }
            }
        }
        var areaScores = new AreaScore[areas.Count];
        for (var a = 0; a < areas.Count; a++)
        {
            areaScores[a] = rule.SplitsPemenuhanReform
                ? new AreaScore(areas[a], pemenuhan[a], reform[a], pemenuhan[a] + reform[a])
                : new AreaScore(areas[a], null, null, pemenuhan[a] + reform[a]);
        }
        var parts = new HasilPartScore[hasil.Length];
        for (var p = 0; p < hasil.Length; p++)
        {
            parts[p] = new HasilPartScore(rule.HasilParts[p], hasil[p]);
        }
        return new ScoreCard(rule, areaScores, parts, questions, blank);
    }
}
