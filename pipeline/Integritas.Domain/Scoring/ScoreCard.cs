using Integritas.Domain.Rules;

namespace Integritas.Domain.Scoring;

public enum ScoreSource
{
    Items,
    Recap,
}

public sealed record AreaScore(AreaRule Rule, decimal? Pemenuhan, decimal? Reform, decimal Total)
{
    public string Code => Rule.Code;

    /// <summary>The area's score as a percentage of its weight, so years under different weights compare.</summary>
    public decimal Percent => Rule.Weight == 0 ? 0 : Total / Rule.Weight * 100m;
}

public sealed record HasilPartScore(HasilPartRule Rule, decimal? Value)
{
    public string Code => Rule.Code;
}

/// <summary>
/// One unit-year's scores under its rule version: unrounded decimals, exactly as the workbook's formulas
/// give them. Round with <see cref="Score.Round2(decimal)"/> for display and verdicts.
/// </summary>
public sealed record ScoreCard(RuleSet Rule, IReadOnlyList<AreaScore> Areas, IReadOnlyList<HasilPartScore> HasilParts, int Questions, int BlankQuestions)
{
    /// <summary>Where the scores come from: an item-level LKE, or a recap sheet of area scores.</summary>
    public ScoreSource Source { get; init; } = ScoreSource.Items;

    /// <summary>A hasil total a recap sheet gives without its parts (null: use the parts).</summary>
    public decimal? HasilGiven { get; init; }

    public bool IsComplete => BlankQuestions == 0;

    public decimal Pengungkit => Areas.Sum(a => a.Total);

    public decimal? Pemenuhan => Rule.SplitsPemenuhanReform ? Areas.Sum(a => a.Pemenuhan ?? 0) : null;

    public decimal? Reform => Rule.SplitsPemenuhanReform ? Areas.Sum(a => a.Reform ?? 0) : null;

    public decimal? Hasil => HasilParts.Count > 0 && HasilParts.All(p => p.Value is not null) ? HasilParts.Sum(p => p.Value!.Value) : HasilGiven;

    public decimal? Total => Hasil is { } h ? Pengungkit + h : null;

    public AreaScore? Area(string code) => Areas.FirstOrDefault(a => a.Code == code);

    public decimal? Part(string code) => HasilParts.FirstOrDefault(p => p.Code == code)?.Value;

    public decimal? Group(string code)
    {
        var parts = HasilParts.Where(p => p.Rule.Group == code).ToList();
        return parts.Count == 0 || parts.Any(p => p.Value is null) ? null : parts.Sum(p => p.Value!.Value);
    }

    /// <summary>
    /// A metric a criterion can name: <c>total</c>, <c>pengungkit</c>, <c>hasil</c>, <c>area:MP</c>
    /// (points), <c>areaPercent:MP</c>, <c>group:BERSIH</c>, <c>part:IPAK</c>. Null when this card does
    /// not know it (e.g. a recap sheet without the hasil parts).
    /// </summary>
    public decimal? Metric(string metric)
    {
        var colon = metric.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? metric : metric[..colon];
        var arg = colon < 0 ? "" : metric[(colon + 1)..];
        return name switch
        {
            "total" => Total,
            "pengungkit" => Pengungkit,
            "hasil" => Hasil,
            "area" => Area(arg)?.Total,
            "areaPercent" => Area(arg)?.Percent,
            "group" => Group(arg),
            "part" => Part(arg),
            _ => throw new ArgumentException($"Unknown metric '{metric}'.", nameof(metric)),
        };
    }
}
