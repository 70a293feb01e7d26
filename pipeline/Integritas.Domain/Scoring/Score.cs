namespace Integritas.Domain.Scoring;

public static class Score
{
    /// <summary>
    /// Rounds to 2 decimals, half up (decision 5: what the report shows is what decides). Scores are
    /// never negative, so half away from zero is half up.
    /// </summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Round2(decimal? value) => value is { } v ? Round2(v) : null;
}
