namespace Integritas.TestSupport;

/// <summary>A clock stopped at one instant, in Western Indonesia Time (UTC+7), so dated output is repeatable.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");

    /// <summary>22 November 2026, 09:00 WIB.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Wib;
}
