using System.Globalization;
using Quartz;

namespace Integritas.Delivery.Settings;

/// <summary>
/// A subscription as the worker runs it: its settings checked and resolved (time zone, recipients, reports).
/// A period is one scheduled fire time in the subscription's zone; its key is that local time with its offset
/// (<c>2026-12-07T07:00:00+07:00</c>) and its folder the same without punctuation (<c>2026-12-07_070000</c>).
/// </summary>
public sealed record Subscription(
    string Name,
    string Schedule,
    TimeZoneInfo Zone,
    IReadOnlyList<string> Reports,
    int? Year,
    bool Pdf,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> ScopeInstansi,
    IReadOnlyList<string> ScopeUnits,
    BurstMode Burst,
    SendWhen When,
    bool FromBriefingSection = false)
{
    public CronExpression Cron() => new(Schedule, Zone);

    /// <summary>The fire times after <paramref name="after"/> (exclusive) up to <paramref name="until"/> (inclusive), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<DateTimeOffset> FireTimes(DateTimeOffset after, DateTimeOffset until, int limit = 10_000)
    {
        var cron = Cron();
        var times = new List<DateTimeOffset>();
        for (var next = cron.GetNextValidTimeAfter(after); next is { } t && t <= until && times.Count < limit; next = cron.GetNextValidTimeAfter(t))
        {
            times.Add(t);
        }
        return times;
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>, in the subscription's zone.</summary>
    public IReadOnlyList<DateTimeOffset> NextFireTimes(DateTimeOffset after, int count)
    {
        var cron = Cron();
        var times = new List<DateTimeOffset>();
        for (var next = cron.GetNextValidTimeAfter(after); next is { } t && times.Count < count; next = cron.GetNextValidTimeAfter(t))
        {
            times.Add(TimeZoneInfo.ConvertTime(t, Zone));
        }
        return times;
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public string PeriodKey(DateTimeOffset fireTime) => Local(fireTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string PeriodFolder(string periodKey) =>
        DateTimeOffset.Parse(periodKey, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'_'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>The instant a period key names.</summary>
    public static DateTimeOffset PeriodInstant(string periodKey) => DateTimeOffset.Parse(periodKey, CultureInfo.InvariantCulture);

    public bool HasRecipients => To.Count + Cc.Count > 0 || Burst != BurstMode.None;
}
