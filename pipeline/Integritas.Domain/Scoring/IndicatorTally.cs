using Integritas.Domain.Lke;

namespace Integritas.Domain.Scoring;

/// <summary>
/// What scoring needs of one indicator's answers: the sum of the answered questions' values, how many
/// were answered and how many left blank. The storage layer aggregates answers into these.
/// </summary>
public sealed record IndicatorTally(string Area, LkePart Part, string Indicator, decimal Weight, decimal ValueSum, int Answered, int Blank)
{
    /// <summary>
    /// Indicator value = AVERAGE(answered values) × weight, as the workbook computes it; an indicator
    /// with no answer scores 0 (decision 4).
    /// </summary>
    public decimal Value => Answered == 0 ? 0m : ValueSum / Answered * Weight;
}
