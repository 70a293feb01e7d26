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

    // The sums below add in list order from 0, as Enumerable.Sum does, in loops: readiness asks each card for
    // a dozen metrics, and at national scale (200,000 unit-years) the LINQ versions' allocations added up.

    public decimal Pengungkit
    {
        get
        {
            decimal sum = 0;
            for (var i = 0; i < Areas.Count; i++)
            {
                sum += Areas[i].Total;
            }
            return sum;
        }
    }

    public decimal? Pemenuhan
    {
        get
        {
            if (!Rule.SplitsPemenuhanReform)
            {
                return null;
            }
            decimal sum = 0;
            for (var i = 0; i < Areas.Count; i++)
            {
                sum += Areas[i].Pemenuhan ?? 0;
            }
            return sum;
        }
    }

    public decimal? Reform
    {
        get
        {
            if (!Rule.SplitsPemenuhanReform)
            {
                return null;
            }
            decimal sum = 0;
            for (var i = 0; i < Areas.Count; i++)
            {
                sum += Areas[i].Reform ?? 0;
            }
            return sum;
        }
    }

    public decimal? Hasil
    {
        get
        {
            if (HasilParts.Count == 0)
            {
                return HasilGiven;
            }
            decimal sum = 0;
            for (var i = 0; i < HasilParts.Count; i++)
            {
                if (HasilParts[i].Value is not { } value)
                {
                    return HasilGiven;
                }
                sum += value;
            }
            return sum;
        }
    }

    public decimal? Total => Hasil is { } h ? Pengungkit + h : null;

    public AreaScore? Area(string code) => Area(code.AsSpan());

    public decimal? Part(string code) => Part(code.AsSpan());

    public decimal? Group(string code) => Group(code.AsSpan());

    /// <summary>
    /// A metric a criterion can name: <c>total</c>, <c>pengungkit</c>, <c>hasil</c>, <c>area:MP</c>
    /// (points), <c>areaPercent:MP</c>, <c>group:BERSIH</c>, <c>part:IPAK</c>. Null when this card does
    /// not know it (e.g. a recap sheet without the hasil parts).
    /// </summary>
    public decimal? Metric(string metric)
    {
        var text = metric.AsSpan();
        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        var arg = colon < 0 ? [] : text[(colon + 1)..];
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

    private AreaScore? Area(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < Areas.Count; i++)
        {
            if (code.SequenceEqual(Areas[i].Code))
            {
                return Areas[i];
            }
        }
        return null;
    }

    private decimal? Part(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < HasilParts.Count; i++)
        {
            if (code.SequenceEqual(HasilParts[i].Code))
            {
                return HasilParts[i].Value;
            }
        }
        return null;
    }

    /// <summary>The sum of a hasil group's parts; null when it has none or one is unknown.</summary>
    private decimal? Group(ReadOnlySpan<char> code)
    {
        decimal sum = 0;
        var any = false;
        for (var i = 0; i < HasilParts.Count; i++)
        {
            if (!code.SequenceEqual(HasilParts[i].Rule.Group))
            {
                continue;
            }
            if (HasilParts[i].Value is not { } value)
            {
                return null;
            }
            sum += value;
            any = true;
        }
        return any ? sum : null;
    }
}
