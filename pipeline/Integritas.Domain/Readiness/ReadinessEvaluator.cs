using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Domain.Readiness;

/// <summary>Checks a score card against its rule's predicate criteria (decisions 4–6).</summary>
public static class ReadinessEvaluator
{
    public const string CompleteCriterion = "lkeLengkap";

    public static ReadinessResult Evaluate(ScoreCard card, int year, IEnumerable<HeldPredicate> held)
    {
        var rule = card.Rule;
        var heldBefore = held.Where(h => h.Year < year).Select(h => h.Predicate).ToHashSet(StringComparer.Ordinal);
        var criteria = new List<CriterionResult>();
        var met = new List<string>();
        foreach (var level in rule.Predicates)
        {
            var results = Check(card, level, heldBefore);
            criteria.AddRange(results);
            if (results.All(r => r.IsMet))
            {
                met.Add(level.Code);
            }
        }
        // Decision 6: the highest level whose every criterion holds; the next level is the one above it.
        var verdictIndex = -1;
        for (var i = rule.Predicates.Count - 1; i >= 0 && verdictIndex < 0; i--)
        {
            if (met.Contains(rule.Predicates[i].Code))
            {
                verdictIndex = i;
            }
        }
        var verdict = verdictIndex < 0 ? ReadinessResult.Belum : rule.Predicates[verdictIndex].Code;
        var next = verdictIndex + 1 < rule.Predicates.Count ? rule.Predicates[verdictIndex + 1].Code : null;
        var points = next is null ? null : Points(card, rule.FindPredicate(next)!);
        return new ReadinessResult(verdict, next, criteria, points);
    }

    private static List<CriterionResult> Check(ScoreCard card, PredicateRule level, HashSet<string> heldBefore)
    {
        var results = new List<CriterionResult>
        {
            new(level.Code, CompleteCriterion, "LKE terisi lengkap (soal kosong)", "Soal kosong", CriterionKind.BlankQuestions,
                card.IsComplete ? CriterionStatus.Met : CriterionStatus.Unmet, card.BlankQuestions, 0, null),
        };
        if (level.RequiresHeld is { } required)
        {
            var holds = heldBefore.Contains(required) || HigherHeld(card.Rule, required, heldBefore);
            results.Add(new CriterionResult(level.Code, $"predikat.{required}", $"Telah memperoleh predikat {required}", $"Predikat {required}", CriterionKind.Held,
                holds ? CriterionStatus.Met : CriterionStatus.Unmet, holds ? 1 : 0, 1, null));
        }
        foreach (var c in level.Criteria)
        {
            var actual = Score.Round2(card.Metric(c.Metric));
            var status = actual is null ? CriterionStatus.Unknown : actual >= c.Min ? CriterionStatus.Met : CriterionStatus.Unmet;
            var kind = c.Unit == CriterionUnit.Percent ? CriterionKind.Percent : CriterionKind.Points;
            results.Add(new CriterionResult(level.Code, c.Id, c.Label, c.ShortLabel, kind, status, actual, c.Min, c.Confidence));
        }
        return results;
    }

    /// <summary>Holding a higher predicate (WBBM) implies having held the lower one (WBK).</summary>
    private static bool HigherHeld(RuleSet rule, string required, HashSet<string> heldBefore)
    {
        var index = rule.Predicates.ToList().FindIndex(p => p.Code == required);
        return index >= 0 && rule.Predicates.Skip(index + 1).Any(p => heldBefore.Contains(p.Code));
    }

    /// <summary>
    /// The fewest points that meet every score criterion of <paramref name="level"/>. The scores form a
    /// tree (total = pengungkit + hasil; pengungkit = areas; hasil = groups = parts); a node needs the larger
    /// of its own gap and the sum of what its children need, since points added to a child count upward.
    /// </summary>
    public static PointsNeeded Points(ScoreCard card, PredicateRule level)
    {
        decimal? Gap(string metric, decimal? actual)
        {
            var criterion = level.Criteria.FirstOrDefault(c => c.Metric == metric);
            if (criterion is null)
            {
                return 0;
            }
            return actual is { } a ? Math.Max(0, criterion.Min - Score.Round2(a)) : null;
        }

        var byArea = new Dictionary<string, decimal>();
        decimal? areaSum = 0;
        foreach (var area in card.Areas)
        {
            var criterion = level.Criteria.FirstOrDefault(c => c.Metric == $"areaPercent:{area.Code}");
            var need = criterion is null ? 0 : Math.Max(0, area.Rule.Weight * criterion.Min / 100m - Score.Round2(area.Total));
            byArea[area.Code] = need;
            areaSum += need;
        }
        var pengungkit = Max(Gap("pengungkit", card.Pengungkit), areaSum);

        var byPart = new Dictionary<string, decimal>();
        decimal? hasil = 0;
        foreach (var group in card.Rule.HasilGroups)
        {
            decimal? partSum = 0;
            foreach (var part in card.HasilParts.Where(p => p.Rule.Group == group.Code))
            {
                var need = Gap($"part:{part.Code}", part.Value);
                if (need is { } n)
                {
                    byPart[part.Code] = n;
                }
                partSum += need;
            }
            hasil += Max(Gap($"group:{group.Code}", card.Group(group.Code)), partSum);
        }
        hasil = Max(Gap("hasil", card.Hasil), hasil);
        var total = Max(Gap("total", card.Total), pengungkit + hasil);
        return new PointsNeeded(level.Code, byArea, byPart, total);
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);
}
