using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Canonical;

/// <summary>
/// What a unit-year LKE gives for one area and part (or the hasil component): the summed weights of its
/// indicators, in the order they appear (null when it gives none).
/// </summary>
public sealed record PartWeightSum(
    string UnitId,
    int Year,
    Reviewer Reviewer,
    string RuleVersion,
    string Area,
    LkePart Part,
    decimal? Sum,
    int FirstLine,
    IReadOnlyList<string> Indicators);

/// <summary>
/// Checks that a unit-year LKE is whole under its rule (decision 2): every area's indicator weights sum to
/// the rule's weight for each part, and every hasil part is present.
/// </summary>
public static class LkeStructureCheck
{
    /// <summary>The weight each area-part (and the hasil component) must sum to under a rule.</summary>
    public static IEnumerable<(string Area, LkePart Part, decimal Weight)> Expected(RuleSet rule)
    {
        foreach (var area in rule.Areas)
        {
            yield return (area.Code, LkePart.Pemenuhan, rule.PartWeight(area, LkePart.Pemenuhan));
            yield return (area.Code, LkePart.Reform, rule.PartWeight(area, LkePart.Reform));
        }
        yield return (LkeCodes.HasilArea, LkePart.Hasil, rule.HasilWeight);
    }

    /// <summary>The error for an area-part (or the hasil component) whose indicator weights do not sum to the rule's.</summary>
    public static IngestError Error(string file, RuleSet rule, PartWeightSum given)
    {
        var who = $"unit {Excerpt.Of(given.UnitId)}, year {given.Year}{(given.Reviewer == Reviewer.Unit ? "" : $", reviewer {given.Reviewer.ToCode()}")}";
        if (given.Part == LkePart.Hasil)
        {
            var missing = rule.HasilParts.Where(p => !given.Indicators.Contains(p.Code)).Select(p => p.Code).ToList();
            return new IngestError(file, missing.Count > 0
                ? $"{who}: the hasil component lacks {string.Join(", ", missing)} (rule {rule.Id} requires {string.Join(", ", rule.HasilParts.Select(p => p.Code))})"
                : $"{who}: the hasil weights sum to {LkeNumber.Canonical(given.Sum ?? 0)}; rule {rule.Id} requires {LkeNumber.Canonical(rule.HasilWeight)}", given.FirstLine);
        }
        var expected = rule.PartWeight(rule.FindArea(given.Area)!, given.Part);
        return given.Sum is null
            ? new IngestError(file, $"{who}: area {given.Area} has no {given.Part.ToCode()} indicators; rule {rule.Id} requires indicators weighing {LkeNumber.Canonical(expected)} in total", given.FirstLine)
            : new IngestError(file, $"{who}: the weights of area {given.Area} {given.Part.ToCode()} indicators ({Excerpt.Of(string.Join(", ", given.Indicators.Select(i => Excerpt.Of(i, 30))))}) sum to {LkeNumber.Canonical(given.Sum.Value)}; rule {rule.Id} requires {LkeNumber.Canonical(expected)}",
                given.FirstLine, CanonicalColumns.Bobot);
    }
}
