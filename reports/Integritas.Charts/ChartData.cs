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

/// <summary>One year's value of a series.</summary>
public sealed record YearValue(int Year, double Value);

/// <summary>A named line across evaluation years. A year with no value is simply absent: the line breaks there.</summary>
public sealed record TrendSeries(string Label, IReadOnlyList<YearValue> Points);

/// <summary>A named row of values, one per category of the chart it is drawn in (e.g. a unit's six areas).</summary>
public sealed record ValueSeries(string Label, IReadOnlyList<double> Values);

/// <summary>Where a unit stands against the predicates, as the caller has decided it (area minimums included).</summary>
public enum Readiness
{
    NotReady,
    Wbk,
    Wbbm,
}

/// <summary>One bar of a ranking: a unit's label, its value (a total, points needed, …) and its readiness.</summary>
public sealed record RankedBar(string Label, double Value, Readiness Status);

/// <summary>How the legend names each readiness, e.g. "Memenuhi WBBM", "Memenuhi WBK", "Belum memenuhi".</summary>
public sealed record ReadinessLabels(string Wbbm, string Wbk, string NotReady);

/// <summary>A labelled row of values that may be missing (e.g. a unit's six areas, one not scored).</summary>
public sealed record HeatmapRow(string Label, IReadOnlyList<double?> Values);
