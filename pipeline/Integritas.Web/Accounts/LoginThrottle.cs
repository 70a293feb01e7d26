using System.Collections.Concurrent;

namespace Integritas.Web.Accounts;

/// <summary>
/// Slows password guessing: after <see cref="FreeAttempts"/> failed sign-ins for one user name (from any address),
/// or <see cref="FreeAttemptsPerAddress"/> from one address (for any name, so one office behind a proxy is not locked
/// out by one person), within <see cref="Window"/>, further attempts are refused until the window has passed since
/// the last failure. A successful sign-in clears the name's count.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeAttempts = 5;

    public const int FreeAttemptsPerAddress = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the next attempt is allowed for this name and address; null when it is allowed now.</summary>
    public DateTimeOffset? BlockedUntil(string name, string address)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = null;
        foreach (var key in Keys(name, address))
        {
            if (_failures.TryGetValue(key, out var f) && f.Failures >= (key.StartsWith("addr:", StringComparison.Ordinal) ? FreeAttemptsPerAddress : FreeAttempts) && f.Last + Window > now)
            {
                until = until is { } u && u > f.Last + Window ? u : f.Last + Window;
            }
        }
        return until;
    }

    public void Failed(string name, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in Keys(name, address))
        {
            _failures.AddOrUpdate(key, (1, now), (_, f) => (f.Last + Window <= now ? 1 : f.Failures + 1, now));
        }
        // Bounded: forget entries whose window has passed once the table grows.
        if (_failures.Count > 10_000)
        {
            foreach (var stale in _failures.Where(f => f.Value.Last + Window <= now).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
    }

    public void Succeeded(string name) => _failures.TryRemove("user:" + name.Trim(), out _);

    private static string[] Keys(string name, string address) => ["user:" + name.Trim(), "addr:" + address];
}
