using System.Globalization;
using Integritas.Delivery.History;
using Integritas.Delivery.Scheduling;
using Integritas.Delivery.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Integritas.Delivery.Tests;

/// <summary>
/// A year of a weekly and a monthly subscription in Asia/Jakarta and a weekly one in Europe/Rome (summer time from 29
/// March to 25 October 2026), with three weeks of downtime in July: the fire times come from the worker's own Quartz
/// triggers (stepped through Quartz's ITrigger.GetFireTimeAfter), each firing goes through the delivery job's period planning and
/// the real runner, run store and loopback SMTP server, all on a fake clock. (The whole scheduler is not driven here:
/// Quartz 4.7.3's ADO store computes a stored trigger's next fire time from the system clock despite UseTimeProvider.)
/// </summary>
public sealed class SimulatedYearTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private DeliveryBench _bench = null!;

    public ValueTask InitializeAsync()
    {
        _clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        _bench = new DeliveryBench(_clock);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    [Fact]
    public async Task EveryPeriodOfAYear_IsRecordedOnce_DeliveredAtItsLocalTime_AndThreeWeeksDownCatchUpOnce()
    {
        var settings = _bench.Settings("""
            [
              { "Name": "mingguan", "Schedule": "0 0 7 ? * MON", "Reports": [ "candidates" ], "Pdf": false, "To": [ "menteri@kemendag.example.go.id" ] },
              { "Name": "bulanan", "Schedule": "0 30 8 1 * ?", "Reports": [ "candidates" ], "Pdf": false, "To": [ "sesjen@kemendag.example.go.id" ] },
              { "Name": "itpc-milan", "Schedule": "0 0 7 ? * MON", "TimeZone": "Europe/Rome", "Reports": [ "candidates" ], "Pdf": false, "To": [ "itpc@kemendag.example.go.id" ] }
            ]
            """);
        var ct = TestContext.Current.CancellationToken;
        // The fire times as the worker's own Quartz triggers give them (DeliveryHosting.Trigger: the cron in the
        // subscription's zone), stepped through ITrigger.GetFireTimeAfter.
        var events = new List<(Subscription Subscription, DateTimeOffset At)>();
        foreach (var subscription in settings.Subscriptions)
        {
            var trigger = DeliveryHosting.Trigger(subscription, Start);
            for (var (i, next) = (0, trigger.GetFireTimeAfter(Start)); i < 100 && next is { } at && at < End; (i, next) = (i + 1, trigger.GetFireTimeAfter(at)))
            {
                events.Add((subscription, at));
            }
        }
        Assert.Equal([52, 12, 52], settings.Subscriptions.Select(s => events.Count(e => e.Subscription == s)));
        // zi is down from 1 July 00:00 UTC to 20 July 12:00 UTC: at the restart each trigger fires once now (FireAndProceed).
        var downFrom = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var downUntil = new DateTimeOffset(2026, 7, 20, 12, 0, 0, TimeSpan.Zero);
        var runner = _bench.Runner(settings);
        var restarted = false;
        foreach (var (subscription, at) in events.OrderBy(e => e.At))
        {
            if (at >= downFrom && at < downUntil)
            {
                continue;
            }
            if (at >= downUntil && !restarted)
            {
                restarted = true;
                _clock.SetUtcNow(downUntil);
                foreach (var missed in settings.Subscriptions)
                {
                    Assert.Equal(RunStatus.Succeeded, (await DeliveryJob.FireAsync(runner, missed, downUntil, RunTriggers.Schedule, ct)).Status);
                }
            }
            _clock.SetUtcNow(at);
            var run = await DeliveryJob.FireAsync(runner, subscription, at, RunTriggers.Schedule, ct);
            Assert.True(run.Status == RunStatus.Succeeded, $"{subscription.Name} {at:O}: {run.Error}");
        }
        // A doubled firing of the last period sends nothing.
        var (lastSubscription, lastAt) = events.MaxBy(e => e.At);
        await DeliveryJob.FireAsync(runner, lastSubscription, lastAt, RunTriggers.Schedule, ct);

        var runs = runner.Store.List(new RunFilter(Limit: 10_000));
        Assert.Equal(events.Count, runs.Count);
        foreach (var subscription in settings.Subscriptions)
        {
            var periods = runs.Where(r => r.Subscription == subscription.Name).Select(r => r.Period).Order(StringComparer.Ordinal);
            Assert.Equal(events.Where(e => e.Subscription == subscription).Select(e => subscription.PeriodKey(e.At)).Order(StringComparer.Ordinal), periods);
            var gap = events.Where(e => e.Subscription == subscription && e.At >= downFrom && e.At < downUntil).Select(e => subscription.PeriodKey(e.At)).ToList();
            var caughtUp = runs.Single(r => r.Subscription == subscription.Name && r.Period == gap[^1]);
            Assert.Equal((RunStatus.Succeeded, RunTriggers.CatchUp), (caughtUp.Status, caughtUp.Trigger));
            Assert.Equal(downUntil, DateTimeOffset.Parse(caughtUp.StartedAt!, CultureInfo.InvariantCulture));
            Assert.All(runs.Where(r => r.Subscription == subscription.Name && gap.SkipLast(1).Contains(r.Period)), r => Assert.Equal(RunStatus.Skipped, r.Status));
            Assert.All(runs.Where(r => r.Subscription == subscription.Name && !gap.Contains(r.Period)), r =>
            {
                Assert.Equal(RunStatus.Succeeded, r.Status);
                Assert.Equal(Subscription.PeriodInstant(r.Period), DateTimeOffset.Parse(r.StartedAt!, CultureInfo.InvariantCulture));
            });
        }
        Assert.Equal([3, 1, 3], settings.Subscriptions.Select(s => events.Count(e => e.Subscription == s && e.At >= downFrom && e.At < downUntil)));
        // Local times: 07:00 in Rome in winter (+01:00) and in summer (+02:00); 08:30 WIB on the first of the month.
        var rome = runs.Where(r => r.Subscription == "itpc-milan").ToList();
        Assert.All(rome, r => Assert.Contains("T07:00:00", r.Period, StringComparison.Ordinal));
        Assert.Contains(rome, r => r.Period == "2026-03-23T07:00:00+01:00");
        Assert.Contains(rome, r => r.Period == "2026-03-30T07:00:00+02:00");
        Assert.Contains(rome, r => r.Period == "2026-10-26T07:00:00+01:00");
        Assert.All(runs.Where(r => r.Subscription == "bulanan"), r => Assert.Matches(@"^2026-\d\d-01T08:30:00\+07:00$", r.Period));
        Assert.All(runs.Where(r => r.Subscription == "mingguan"), r => Assert.Equal(DayOfWeek.Monday, Subscription.PeriodInstant(r.Period).DayOfWeek));
        // One mail per delivered period, to its subscription's addressee.
        var delivered = runs.Count(r => r.Status == RunStatus.Succeeded);
        Assert.Equal(events.Count - (2 + 0 + 2), delivered);
        var mails = await _bench.Smtp.WaitForAsync(delivered, TimeSpan.FromSeconds(30));
        Assert.Equal(delivered, mails.Count);
        Assert.Equal(52 - 2, mails.Count(m => m.Recipients.SequenceEqual(["itpc@kemendag.example.go.id"])));
    }
}
