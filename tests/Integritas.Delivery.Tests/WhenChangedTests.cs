using Integritas.Delivery.History;
using Integritas.TestSupport;

namespace Integritas.Delivery.Tests;

/// <summary><c>When: changed</c>: a period is delivered only when the data behind the packet changed since the last delivered one.</summary>
public sealed class WhenChangedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(7));
    private readonly DeliveryBench _bench = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    [Fact]
    public async Task UnchangedData_IsSkippedWithTheReason_ANewVersionIsDelivered()
    {
        var settings = _bench.Settings("""
            [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Reports": [ "briefing" ], "Pdf": false, "When": "changed", "To": [ "menteri@kemendag.example.go.id" ] } ]
            """);
        var runner = _bench.Runner(settings);
        var subscription = settings.Find("menteri");
        var ct = TestContext.Current.CancellationToken;

        var first = await runner.RunAsync(subscription, Monday, RunTriggers.Schedule, ct);
        var second = await runner.RunAsync(subscription, Monday.AddDays(7), RunTriggers.Schedule, ct);

        Assert.Equal(RunStatus.Succeeded, first.Status);
        Assert.Equal(RunStatus.Skipped, second.Status);
        Assert.Equal($"the data has not changed since run {first.Id} (2026-11-23T07:00:00+07:00), which delivered it (When: changed)", second.Error);
        Assert.False(Directory.Exists(_bench.File("output/menteri/2026-11-30_070000")));
        Assert.Single(await _bench.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));

        // A new export of U-01 with one answer lower: a new version, so the data behind the packet changed.
        var lower = Some.LkeRows("U-01").Select((row, i) => i == 0 ? string.Join(',', row.Split(',')[..^1]) + ",Tidak" : row);
        _bench.Ingest(_bench.Write("lke-2024-u01-revisi.csv", Some.Csv(lower)));
        var third = await runner.RunAsync(subscription, Monday.AddDays(14), RunTriggers.Schedule, ct);

        Assert.Equal(RunStatus.Succeeded, third.Status);
        Assert.NotEqual(first.Fingerprint, third.Fingerprint);
        Assert.Contains("lke-2024-u01-revisi.csv", third.Sources, StringComparison.Ordinal);
        Assert.Equal(2, (await _bench.Smtp.WaitForAsync(2, TimeSpan.FromSeconds(10))).Count);
    }
}
