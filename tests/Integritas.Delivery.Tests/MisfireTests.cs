using Integritas.Delivery.History;
using Integritas.Delivery.Scheduling;

namespace Integritas.Delivery.Tests;

/// <summary>A trigger firing once now after downtime: the latest missed period is delivered, the older ones recorded skipped.</summary>
public sealed class MisfireTests : IAsyncLifetime
{
    private readonly DeliveryBench _bench = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    [Fact]
    public async Task AfterThreeWeeksDown_TheLatestMissedMondayIsDelivered_TheOlderOnesSkippedWithTheReason()
    {
        var settings = _bench.Settings("""
            [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Reports": [ "candidates" ], "Pdf": false, "To": [ "menteri@kemendag.example.go.id" ] } ]
            """);
        var runner = _bench.Runner(settings);
        var menteri = settings.Find("menteri");
        var wib = TimeSpan.FromHours(7);
        await DeliveryJob.FireAsync(runner, menteri, new DateTimeOffset(2026, 11, 2, 7, 0, 0, wib), RunTriggers.Schedule, TestContext.Current.CancellationToken);

        // Down from 2 to 25 November; started on Wednesday 25 November 10:15, Quartz fires the trigger once now.
        var late = await DeliveryJob.FireAsync(runner, menteri, new DateTimeOffset(2026, 11, 25, 10, 15, 0, wib), RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal("2026-11-23T07:00:00+07:00", late.Period);
        Assert.Equal(RunStatus.Succeeded, late.Status);
        Assert.Equal(RunTriggers.CatchUp, late.Trigger);
        var runs = runner.Store.List(new RunFilter("menteri")).OrderBy(r => r.Period, StringComparer.Ordinal).ToList();
        Assert.Equal(["2026-11-02T07:00:00+07:00", "2026-11-09T07:00:00+07:00", "2026-11-16T07:00:00+07:00", "2026-11-23T07:00:00+07:00"], runs.Select(r => r.Period));
        Assert.Equal([RunStatus.Succeeded, RunStatus.Skipped, RunStatus.Skipped, RunStatus.Succeeded], runs.Select(r => r.Status));
        Assert.All(runs.Where(r => r.Status == RunStatus.Skipped), r => Assert.StartsWith("missed while zi was not running", r.Error, StringComparison.Ordinal));
        Assert.Equal(2, _bench.Smtp.Messages.Count);

        // The next Monday fires on time; a doubled firing of it sends nothing more.
        await DeliveryJob.FireAsync(runner, menteri, new DateTimeOffset(2026, 11, 30, 7, 0, 0, wib), RunTriggers.Schedule, TestContext.Current.CancellationToken);
        await DeliveryJob.FireAsync(runner, menteri, new DateTimeOffset(2026, 11, 30, 7, 0, 0, wib), RunTriggers.Schedule, TestContext.Current.CancellationToken);
        Assert.Equal(5, runner.Store.List(new RunFilter("menteri")).Count);
        Assert.Equal(3, _bench.Smtp.Messages.Count);
    }
}
