using System.Text.Json;

namespace Integritas.Delivery.Tests;

/// <summary>The operator's commands, run as zi runs them, on the worker's settings file.</summary>
public sealed class RunsCommandTests : IAsyncLifetime
{
    private readonly DeliveryBench _bench = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    [Fact]
    public async Task Deliver_WithTheSmtpServerDown_IsFailed_ThenRetrySendsIt_AndRunsShowsBoth()
    {
        var config = _bench.Write("zi.json", _bench.Json("""
            [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Pdf": false, "To": [ "menteri@kemendag.example.go.id" ] } ]
            """));
        _bench.Smtp.Stop();

        var deliver = await Zi.RunAsync(_bench.Clock, "deliver", "menteri", "--period", "2026-11-23T07:00", "--config", config);

        Assert.Equal(1, deliver.ExitCode);
        Assert.Contains("run 1: menteri 2026-11-23T07:00:00+07:00 (Asia/Jakarta)", deliver.Out, StringComparison.Ordinal);
        Assert.Contains("  status     failed (manual)", deliver.Out, StringComparison.Ordinal);
        var failed = JsonDocument.Parse((await Zi.RunAsync(_bench.Clock, "runs", "--config", config, "--format", "json")).Out).RootElement;
        var run = Assert.Single(failed.EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("2026-11-23T07:00:00+07:00", run.GetProperty("period").GetString());
        Assert.Equal("failed", run.GetProperty("recipients")[0].GetProperty("status").GetString());
        Assert.Equal(64, run.GetProperty("outputs")[0].GetProperty("sha256").GetString()!.Length);

        _bench.Smtp.Start();
        var retry = await Zi.RunAsync(_bench.Clock, "runs", "retry", "1", "--config", config);

        Assert.Equal(0, retry.ExitCode);
        Assert.Contains("  status     succeeded (retry)", retry.Out, StringComparison.Ordinal);
        Assert.Equal(["menteri@kemendag.example.go.id"], Assert.Single(await _bench.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Recipients);
        var table = await Zi.RunAsync(_bench.Clock, "runs", "--config", config, "--status", "succeeded");
        Assert.Contains("menteri", table.Out, StringComparison.Ordinal);
        Assert.Contains("1/1", table.Out, StringComparison.Ordinal);
        var show = await Zi.RunAsync(_bench.Clock, "runs", "show", "1", "--config", config);
        Assert.Contains("  mail       menteri@kemendag.example.go.id (to): sent at ", show.Out, StringComparison.Ordinal);

        var again = await Zi.RunAsync(_bench.Clock, "deliver", "menteri", "--period", "2026-11-23T07:00:00+07:00", "--config", config);
        Assert.Equal(0, again.ExitCode);
        Assert.Single(_bench.Smtp.Messages);
    }

    [Fact]
    public async Task Retry_UnknownRun_SaysSo()
    {
        var config = _bench.Write("zi.json", _bench.Json("[]"));

        var result = await Zi.RunAsync(_bench.Clock, "runs", "retry", "42", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("zi: there is no run 42 (see 'zi runs')", result.Error, StringComparison.Ordinal);
    }
}
