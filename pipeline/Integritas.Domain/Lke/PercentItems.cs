using Integritas.Domain.Catalog;

namespace Integritas.Domain.Lke;

/// <summary>A percentage item worked out from its counts: the ratio (null when nothing was filled in) and why, when it needed a decision.</summary>
public readonly record struct PercentResult(decimal? Ratio, string? Error, string? Note);

/// <summary>
/// The workbook's percentage formulas (domain reference §2): ratio items min(1, numerator ÷ sum of
/// denominators); the disciplinary item 1 when last year and this year are both 0, else
/// max(0, (last − this) ÷ last). Where Excel would show #DIV/0! the catalogue's decision applies.
/// </summary>
public static class PercentItems
{
    /// <summary>Computes an item from its counts, in the catalogue's input order; all blank = unanswered.</summary>
    public static PercentResult Compute(CatalogQuestion question, IReadOnlyList<decimal?> counts)
    {
        if (counts.Count != question.Inputs.Count)
        {
            return new(null, $"expects {question.Inputs.Count} count rows, found {counts.Count}", null);
        }
        if (counts.All(c => c is null))
        {
            return new(null, null, null);
        }
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] is null)
            {
                return new(null, $"the count '{question.InputLabel(i)}' is empty while others are filled in", null);
            }
            if (counts[i] < 0 || counts[i] != decimal.Truncate(counts[i]!.Value))
            {
                return new(null, $"the count '{question.InputLabel(i)}' must be a whole number ≥ 0, not {LkeNumber.Canonical(counts[i]!.Value)}", null);
            }
        }
        decimal Sum(string role) => question.Inputs.Select((input, i) => (input, i)).Where(x => x.input.Role == role).Sum(x => counts[x.i]!.Value);
        if (question.Formula == "decrease")
        {
            var previous = Sum("previous");
            var current = Sum("current");
            if (previous == 0)
            {
                return current == 0
                    ? new(1m, null, null)
                    : new(0m, null, $"violations rose from 0 to {current}: the workbook formula divides by zero (#DIV/0!); scored 0");
            }
            return new(AnswerParser.RoundRatio(Math.Max(0m, (previous - current) / previous)), null, null);
        }
        var numerator = Sum("numerator");
        var denominator = Sum("denominator");
        if (denominator == 0)
        {
            var ratio = question.ZeroDenominator ?? 0m;
            return new(ratio, null, $"the denominator is 0: the workbook formula divides by zero (#DIV/0!); scored {LkeNumber.Canonical(ratio)} ({question.ZeroDenominatorReason ?? "no basis to score"})");
        }
        return new(AnswerParser.RoundRatio(Math.Min(1m, numerator / denominator)), null, null);
    }
}
