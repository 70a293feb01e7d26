using System.Diagnostics;
using Integritas.Cli.Worker;
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

    private WorkerOptions Options() => new()
    {
        Database = _dir.File("zi.duckdb"),
        Inbox = new InboxOptions { Path = _dir.File("inbox"), Schedule = "0 */5 * * * ?", SettleSeconds = 0 },
        Briefing = new BriefingOptions { Schedule = "0 0 7 ? * MON", Output = _dir.File("briefings"), Pdf = false },
    };

    [Fact]
    public void Validate_EveryBadKey_IsReportedAtOnceWithItsValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integritas:Database"] = "",
            ["Integritas:Inbox:Path"] = "inbox",
            ["Integritas:Inbox:Schedule"] = "setiap hari",
            ["Integritas:Inbox:SettleSeconds"] = "-1",
            ["Integritas:Briefing:Schedule"] = "0 0 7 ? * SENIN",
            ["Integritas:Briefing:Output"] = "out",
            ["Integritas:Briefing:Year"] = "1999",
        }).Build();

        var failures = WorkerHost.Validate(configuration);

        Assert.Equal(5, failures.Count);
        Assert.Contains("Integritas:Database = '': the database file is required", failures);
        Assert.Contains(failures, f => f.StartsWith("Integritas:Inbox:Schedule = 'setiap hari': not a Quartz cron expression", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Integritas:Inbox:SettleSeconds = '-1'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Integritas:Briefing:Schedule = '0 0 7 ? * SENIN'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Integritas:Briefing:Year = '1999'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShippedAppSettings_IsValid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        Assert.Empty(WorkerHost.Validate(configuration));
    }

    [Fact]
    public void InboxJob_MovesAcceptedToProcessedAndRejectedToFailedWithTheErrors()
    {
        var options = Options();
        _dir.Write("inbox/good.csv", Some.Lke("U-01"));
        _dir.Write("inbox/bad.csv", Some.Lke("U-02").Replace("IPAK,INDEKS,4", "IPAK,INDEKS,5", StringComparison.Ordinal));
        // The real clock: the files were just written, and the settle check compares with their write times.
        var job = new InboxJob(Microsoft.Extensions.Options.Options.Create(options), RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance);

        var outcomes = job.RunOnce(TestContext.Current.CancellationToken);

        Assert.Equal([FileStatus.Rejected, FileStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.True(File.Exists(_dir.File("inbox/processed/good.csv")));
        Assert.True(File.Exists(_dir.File("inbox/failed/bad.csv")));
        Assert.Contains("bad.csv:112: column 'jawaban', value '5': an index must be between 0 and 4", File.ReadAllText(_dir.File("inbox/failed/bad.csv.error.txt")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.File("inbox")));
        Assert.Empty(job.RunOnce(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void BriefingJob_SecondRunInTheSamePeriod_DoesNothing()
    {
        var options = Options();
        Directory.CreateDirectory(options.Inbox.Path);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data-samples"), "*.csv", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(options.Inbox.Path, Path.GetFileName(file)));
        }
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        new InboxJob(wrapped, RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance).RunOnce(TestContext.Current.CancellationToken);
        var job = new BriefingJob(wrapped, RuleCatalog.Default, FixedClock.Default, NullLogger<BriefingJob>.Instance);
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        var first = job.RunOnce(monday);
        var second = job.RunOnce(monday.AddMinutes(1));

        Assert.Equal(_dir.File("briefings/2025-2026-11-23/briefing-2025.docx"), first);
        Assert.Null(second);
        Assert.NotNull(job.RunOnce(monday.AddDays(7)));
    }

    [Fact]
    public void BriefingJob_WithPdf_DeliversThePacketAsOnePdf()
    {
        Assert.SkipUnless(Reports.Pdf.PdfConverter.Locate() is not null, LibreOffice.Missing);
        Assert.SkipUnless(Reports.Pdf.PdfMerger.Available, "pdfunite/pdfinfo (poppler-utils) are not on PATH; install poppler-utils to run this test.");
        var options = Options();
        options.Briefing.Pdf = true;
        Directory.CreateDirectory(options.Inbox.Path);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data-samples", "lke"), "*.csv"))
        {
            File.Copy(file, Path.Combine(options.Inbox.Path, Path.GetFileName(file)));
        }
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        new InboxJob(wrapped, RuleCatalog.Default, TimeProvider.System, NullLogger<InboxJob>.Instance).RunOnce(TestContext.Current.CancellationToken);

        new BriefingJob(wrapped, RuleCatalog.Default, FixedClock.Default, NullLogger<BriefingJob>.Instance).RunOnce(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

        var packet = _dir.File("briefings/2025-2026-11-23/paket-2025-2026-11-23.pdf");
        Assert.InRange(Reports.Pdf.PdfMerger.PageCount(packet), 2, 4);
        Assert.False(Directory.Exists(_dir.File("briefings/2025-2026-11-23/.pdf")));
    }

    [Fact]
    public async Task Worker_OnSigterm_StopsCleanlyWithExitCodeZero()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SIGTERM is sent with the Linux 'kill' command.");
        var config = _dir.Write("worker.json", $$"""
            {
              "Integritas": {
                "Database": "{{_dir.File("zi.duckdb")}}",
                "Inbox": { "Path": "{{_dir.File("inbox")}}", "Schedule": "0/1 * * * * ?", "SettleSeconds": 0 },
                "Briefing": { "Schedule": "0 0 7 ? * MON", "Output": "{{_dir.File("briefings")}}" }
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
