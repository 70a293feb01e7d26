using Integritas.Delivery.History;
using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Ingest;
using Integritas.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integritas.Delivery.Tests;

/// <summary>
/// A delivery set up as an operator would: a DuckDB with a few units' LKE, the shipped templates, a scheduler store,
/// a loopback SMTP server and settings written as JSON; <see cref="Runner"/> is the real delivery runner over them.
/// </summary>
public sealed class DeliveryBench : IAsyncDisposable
{
    public const string Instansi = "Kementerian Contoh";

    private readonly TempDirectory _dir = new();

    public DeliveryBench(TimeProvider? clock = null)
    {
        Clock = clock ?? FixedClock.Default;
        Smtp = new LoopbackSmtp();
        var database = new ZiDatabase(_dir.File("zi.duckdb"), Clock);
        var files = new[] { _dir.Write("lke-2024.csv", Some.Lke("U-01") + string.Join("\n", Some.LkeRows("U-02")) + "\n") };
        var outcomes = new IngestService(RuleCatalog.Default, Clock).Ingest(database, files).ToList();
        Assert.All(outcomes, o => Assert.True(o.Status == FileStatus.Accepted, $"{o.Path}: {string.Join("; ", o.Errors)}"));
    }

    public TimeProvider Clock { get; }

    /// <summary>Ingests more files into the bench's database (each must be accepted or unchanged).</summary>
    public IReadOnlyList<FileOutcome> Ingest(params string[] files)
    {
        var outcomes = new IngestService(RuleCatalog.Default, Clock).Ingest(new ZiDatabase(_dir.File("zi.duckdb"), Clock), files).ToList();
        Assert.All(outcomes, o => Assert.True(o.Status is FileStatus.Accepted or FileStatus.Unchanged, $"{o.Path}: {string.Join("; ", o.Errors)}"));
        return outcomes;
    }

    public LoopbackSmtp Smtp { get; }

    public string File(string name) => _dir.File(name);

    public string Write(string name, string text) => _dir.Write(name, text);

    public string Path(string name) => _dir.File(name).Replace("\\", "/", StringComparison.Ordinal);

    /// <summary>The settings JSON with the given subscriptions (a JSON array) and extra keys of the Integritas section.</summary>
    public string Json(string subscriptions, string extra = "", string smtp = "") => $$"""
        {
          "Integritas": {
            "Database": "{{Path("zi.duckdb")}}",
            "Templates": "{{Repository.PathOf("templates").Replace("\\", "/", StringComparison.Ordinal)}}",
            "Output": "{{Path("output")}}",
            "Inbox": { "Path": "{{Path("inbox")}}", "Schedule": "0 */5 * * * ?", "SettleSeconds": 0 },
            "Scheduler": { "ConnectionString": "{{Path("zi-scheduler.db")}}" },
            "Smtp": { "Host": "127.0.0.1", "Port": {{Smtp.Port}}, "From": "zi@itjen.example.go.id", "Security": "None", "TimeoutSeconds": 10{{smtp}} },
            {{(extra.Length > 0 ? extra + "," : "")}}
            "Subscriptions": {{subscriptions}}
          }
        }
        """;

    public SettingsResult Settings(string subscriptions, string extra = "", string smtp = "") => SettingsReader.Read(Zi.Configuration(Json(subscriptions, extra, smtp))).OrThrow();

    public DeliveryRunner Runner(SettingsResult settings) =>
        new(settings, RunStore.Open(settings.Settings.Scheduler.ConnectionString), RuleCatalog.Default, Clock, NullLogger<DeliveryRunner>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        _dir.Dispose();
    }
}
