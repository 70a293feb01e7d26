namespace Integritas.Domain.Scoring;

public static class Score
{
    /// <summary>
    /// Rounds to 2 decimals, half up (decision 5: what the report shows is what decides). Scores are
    /// never negative, so half away from zero is half up.
    /// </summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Round2(decimal? value) => value is { } v ? Round2(v) : null;

    /// <summary>
    /// A change between two values as readers see it: the difference of the two figures shown (each rounded to 2
    /// decimals), so "77,24 (+3,14)" beside 74,09 cannot happen; null when either is unknown.
    /// </summary>
    public static decimal? Change(decimal? now, decimal? before) => now is { } n && before is { } b ? Round2(n) - Round2(b) : null;
}
