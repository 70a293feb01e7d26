namespace Integritas.Charts;

/// <summary>One bar or point: its label and value.</summary>
public sealed record LabeledValue(string Label, double Value);

/// <summary>A reference line drawn across a chart, e.g. a predicate's minimum.</summary>
public sealed record ThresholdLine(double Value, string Label, ThresholdStyle Style);

public enum ThresholdStyle
{
    Wbk,
    Wbbm,
    Neutral,
}
