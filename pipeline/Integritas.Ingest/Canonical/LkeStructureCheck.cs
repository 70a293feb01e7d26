using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Ingest.Canonical;

/// <summary>The indicators one unit-year LKE gives for one area and part, with their summed weights.</summary>
public sealed record PartWeightSum(
    string UnitId,
    int Year,
    Reviewer Reviewer,
    string RuleVersion,
    string Area,
    LkePart Part,
    decimal Sum,
    int FirstLine,
    IReadOnlyList<string> Indicators);

/// <summary>
/// Checks that each unit-year LKE is whole under its rule (decision 2): every area's indicator weights
/// sum to the rule's weight for each part, and every hasil part is present.
/// </summary>
public static class LkeStructureCheck
{
    public static IEnumerable<IngestError> CheckPartSums(string file, RuleCatalog rules, IEnumerable<PartWeightSum> sums)
    {
        foreach (var lke in sums.GroupBy(s => (s.UnitId, s.Year, s.Reviewer, s.RuleVersion)))
        {
            var rule = rules.Find(lke.Key.RuleVersion);
            if (rule is null)
            {
                continue;
            }
            var who = $"unit {lke.Key.UnitId}, year {lke.Key.Year}{(lke.Key.Reviewer == Reviewer.Unit ? "" : $", reviewer {lke.Key.Reviewer.ToCode()}")}";
            var firstLine = lke.Min(s => s.FirstLine);
            foreach (var area in rule.Areas)
            {
                foreach (var part in new[] { LkePart.Pemenuhan, LkePart.Reform })
                {
                    var expected = rule.PartWeight(area, part);
                    var given = lke.FirstOrDefault(s => s.Area == area.Code && s.Part == part);
                    if (given is null)
                    {
                        yield return new IngestError(file,
                            $"{who}: area {area.Code} has no {part.ToCode()} indicators; rule {rule.Id} requires indicators weighing {LkeNumber.Canonical(expected)} in total", firstLine);
                    }
                    else if (given.Sum != expected)
                    {
                        yield return new IngestError(file,
                            $"{who}: the weights of area {area.Code} {part.ToCode()} indicators ({string.Join(", ", given.Indicators)}) sum to {LkeNumber.Canonical(given.Sum)}; rule {rule.Id} requires {LkeNumber.Canonical(expected)}",
                            given.FirstLine, CanonicalColumns.Bobot);
                    }
                }
            }
            var hasil = lke.FirstOrDefault(s => s.Area == LkeCodes.HasilArea);
            var missing = rule.HasilParts.Where(p => hasil is null || !hasil.Indicators.Contains(p.Code)).Select(p => p.Code).ToList();
            if (missing.Count > 0)
            {
                yield return new IngestError(file,
                    $"{who}: the hasil component lacks {string.Join(", ", missing)} (rule {rule.Id} requires {string.Join(", ", rule.HasilParts.Select(p => p.Code))})", firstLine);
            }
        }
    }
}
