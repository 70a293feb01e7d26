using System.Diagnostics;
using Integritas.Cli.Worker;
using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Store.Ingest;
using Integritas.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integritas.Cli.Tests;

public sealed class WorkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private SettingsResult Options() => SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Integritas:Database"] = _dir.File("zi.duckdb"),
        ["Integritas:Output"] = _dir.File("output"),
        ["Integritas:Inbox:Path"] = _dir.File("inbox"),
        ["Integritas:Inbox:Schedule"] = "0 */5 * * * ?",
        ["Integritas:Inbox:SettleSeconds"] = "0",
        ["Integritas:Scheduler:ConnectionString"] = _dir.File("zi-scheduler.db"),
    }).Build()).OrThrow();

    [Fact]
    public void ShippedAppSettings_AreValid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Integritas:Output"] = _dir.File("output"), ["Integritas:Inbox:Path"] = _dir.File("inbox"),
                ["Integritas:Database"] = _dir.File("zi.duckdb"), ["Integritas:Scheduler:ConnectionString"] = _dir.File("zi-scheduler.db") })
            .Build();

        Assert.Empty(SettingsReader.Read(configuration).Failures);
    }

    [Fact]
    public void InboxJob_MovesAcceptedToProcessedAndRejectedToFailedWithTheErrors()
    {
        var options = Options();
        _dir.Write("inbox/good.csv", Some.Lke("U-01"));
        _dir.Write("inbox/bad.csv", Some.Lke("U-02").Replace("IPAK,INDEKS,4", "IPAK,INDEKS,5", StringComparison.Ordinal));
        // The real clock: the files were just written, and the settle check compares with their write times.
        var job = new InboxJob(options, RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance);

        var outcomes = job.RunOnce(TestContext.Current.CancellationToken);

        Assert.Equal([FileStatus.Rejected, FileStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.True(File.Exists(_dir.File("inbox/processed/good.csv")));
        Assert.True(File.Exists(_dir.File("inbox/failed/bad.csv")));
        Assert.Contains("bad.csv:112: column 'jawaban', value '5': an index must be between 0 and 4", File.ReadAllText(_dir.File("inbox/failed/bad.csv.error.txt")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.File("inbox")));
        Assert.Empty(job.RunOnce(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void InboxJob_ReadsOnlyRegularFilesInTheInbox_AndADamagedFileBlocksNoOther()
    {
        var options = Options();
        var outside = _dir.Write("outside/secret.csv", Some.Lke("U-09"));
        _dir.Write("inbox/0-rusak.xlsx", "PK\u0003\u0004 not really a workbook");
        _dir.Write("inbox/1-good.csv", Some.Lke("U-01"));
        _dir.Write("inbox/failed", "a file named like the inbox's folder");
        _dir.Write("inbox/processed", "another one");
        _dir.Write("inbox/.upload-in-progress.csv", Some.Lke("U-03"));
        _dir.Write("inbox/bad\nname.csv", Some.Lke("U-04"));
        File.CreateSymbolicLink(_dir.File("inbox/link.csv"), outside);
        var job = new InboxJob(options, RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance);

        var outcomes = job.RunOnce(TestContext.Current.CancellationToken);

        Assert.Equal(["failed: Rejected", "link.csv: Rejected", "processed: Rejected", "0-rusak.xlsx: Rejected", "1-good.csv: Accepted", "bad\nname.csv: Accepted"],
            outcomes.Select(o => $"{Path.GetFileName(o.Path)}: {o.Status}"));
        Assert.True(File.Exists(_dir.File("inbox/processed/1-good.csv")));
        Assert.Contains("a file may not be named 'failed'", File.ReadAllText(_dir.File("inbox/failed/failed.error.txt")), StringComparison.Ordinal);
        Assert.Contains("a file may not be named 'processed'", File.ReadAllText(_dir.File("inbox/failed/processed.error.txt")), StringComparison.Ordinal);
        var linkNote = File.ReadAllText(_dir.File("inbox/failed/link.csv.error.txt"));
        Assert.Contains("a symbolic link is not read", linkNote, StringComparison.Ordinal);
        Assert.DoesNotContain("U-09", linkNote, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(_dir.File("inbox/failed/link.csv")).LinkTarget);
        Assert.True(File.Exists(outside));
        Assert.NotEmpty(File.ReadAllText(_dir.File("inbox/failed/0-rusak.xlsx.error.txt")));
        Assert.Equal([".upload-in-progress.csv: a hidden file is not read (a copy under way?)"], job.Notices);
        Assert.Equal("bad\\u000Aname.csv", InboxJob.Escape("bad\nname.csv"));
        using (var connection = new Store.ZiDatabase(_dir.File("zi.duckdb"), TimeProvider.System).OpenRead())
        {
            Assert.Equal(["U-01", "U-04"], Store.DuckDbExtensions.Query(connection, "SELECT DISTINCT unit_id FROM submission ORDER BY 1").Select(r => r.GetString(0)));
        }

        var again = new InboxJob(options, RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance);
        Assert.Empty(again.RunOnce(TestContext.Current.CancellationToken));
        Assert.Empty(again.Notices);
        Assert.True(File.Exists(_dir.File("inbox/.upload-in-progress.csv")));
    }

    [Fact]
    public async Task Worker_OnSigterm_StopsCleanlyWithExitCodeZero()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SIGTERM is sent with the Linux 'kill' command.");
        var config = _dir.Write("worker.json", $$"""
            {
              "Integritas": {
                "Database": "{{_dir.File("zi.duckdb")}}",
                "Output": "{{_dir.File("output")}}",
                "Scheduler": { "ConnectionString": "{{_dir.File("zi-scheduler.db")}}" },
                "Inbox": { "Path": "{{_dir.File("inbox")}}", "Schedule": "0/1 * * * * ?", "SettleSeconds": 0 }
              },
              "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "File", "Args": { "path": "{{_dir.File("logs/zi-.log")}}" } } ] }
            }
            """);
        _dir.Write("inbox/lke.csv", Some.Lke());
        var zi = Path.Combine(AppContext.BaseDirectory, "zi.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", zi, "worker", "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir.Path,
        })!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        var waited = Stopwatch.StartNew();
        while (!File.Exists(_dir.File("inbox/processed/lke.csv")) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(_dir.File("inbox/processed/lke.csv")), "the inbox job did not run: " + output);

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        string log;
        lock (output)
        {
            log = output.ToString();
        }
        Assert.Contains("Worker stopped", log, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(_dir.File("logs")));
    }
}
