using Integritas.Delivery.Settings;

namespace Integritas.Delivery.Scheduling;

/// <summary>What a firing of a subscription's trigger stands for: the period to deliver, and earlier missed periods to record as skipped.</summary>
public sealed record FirePlan(DateTimeOffset Period, IReadOnlyList<DateTimeOffset> Skipped);

/// <summary>
/// Turns a trigger firing into periods. A trigger fires on time (the fire time is the period), or — after downtime,
/// or when the worker was busy past the misfire threshold — once now (Quartz's fire-once-now misfire handling): then
/// the period is the latest scheduled time not after now, and the scheduled times between the last period recorded
/// and it were missed and are recorded as skipped, so every period has a record and only the latest missed one is
/// delivered late.
/// </summary>
public static class PeriodPlanner
{
    /// <summary>At most this many missed periods are recorded one by one (a schedule every few seconds, down for days); the rest are counted in the reason.</summary>
    public const int MaxSkippedRecords = 1000;

    public static FirePlan Plan(Subscription subscription, DateTimeOffset fireTime, DateTimeOffset? lastRecorded)
    {
        var cron = subscription.Cron();
        if (cron.IsSatisfiedBy(fireTime) && (lastRecorded is null || fireTime > lastRecorded))
        {
            var skippedOnTime = lastRecorded is { } last ? subscription.FireTimes(last, fireTime.AddTicks(-1), MaxSkippedRecords) : [];
            return new FirePlan(fireTime, skippedOnTime);
        }
        if (lastRecorded is { } previous)
        {
            var missed = subscription.FireTimes(previous, fireTime, MaxSkippedRecords + 1);
            if (missed.Count == 0)
            {
                return new FirePlan(previous, []);
            }
            if (missed.Count > MaxSkippedRecords)
            {
                // Too many to list: take the latest by searching back from now.
                return new FirePlan(Latest(subscription, fireTime) ?? missed[^1], [.. missed.Take(MaxSkippedRecords)]);
            }
            return new FirePlan(missed[^1], [.. missed.Take(missed.Count - 1)]);
        }
        return new FirePlan(Latest(subscription, fireTime) ?? fireTime, []);
    }

    /// <summary>The latest scheduled time at or before <paramref name="instant"/>, searched back up to about two years.</summary>
    public static DateTimeOffset? Latest(Subscription subscription, DateTimeOffset instant)
    {
        for (var window = TimeSpan.FromMinutes(10); window < TimeSpan.FromDays(800); window *= 8)
        {
            var times = subscription.FireTimes(instant - window, instant, int.MaxValue);
            if (times.Count > 0)
            {
                return times[^1];
            }
        }
        return null;
    }
}
