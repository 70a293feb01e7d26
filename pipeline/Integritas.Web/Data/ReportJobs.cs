using System.Collections.Concurrent;
using System.Security.Cryptography;
using Integritas.Domain.Rules;
using Integritas.Reports;
using Integritas.Reports.Pdf;
using Integritas.Store;

namespace Integritas.Web.Data;

public enum ReportJobStatus
{
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>A file of a finished run a user may download: its name, where it lies and its type.</summary>
public sealed record ReportDownload(string Name, string Path, string ContentType, long Bytes);

/// <summary>One report rendered from the web: what, for which year, by whom, how it went and what it wrote.</summary>
public sealed class ReportJob(string id, ReportKind kind, int year, bool pdf, string user, DateTimeOffset started)
{
    public string Id { get; } = id;
    public ReportKind Kind { get; } = kind;
    public int Year { get; } = year;
    public bool Pdf { get; } = pdf;
    public string User { get; } = user;
    public DateTimeOffset Started { get; } = started;
    public DateTimeOffset? Finished { get; set; }
    public ReportJobStatus Status { get; set; } = ReportJobStatus.Waiting;
    public string Step { get; set; } = "menunggu giliran";
    public string? Error { get; set; }
    public IReadOnlyList<ReportDownload> Downloads { get; set; } = [];
}

/// <summary>
/// Renders reports in the background, one at a time (LibreOffice and the database take turns), each into a folder
/// of its own under <see cref="WebOptions.ReportsPath"/>. The database is opened read-only for the data and closed
/// before any PDF conversion. The runs are kept for the life of the process.
/// </summary>
public sealed class ReportJobs(IOptions<WebOptions> options, RuleCatalog rules, TimeProvider clock, ILogger<ReportJobs> log)
{
    private readonly ConcurrentDictionary<string, ReportJob> _jobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turn = new(1, 1);

    public IReadOnlyList<ReportJob> Recent => [.. _jobs.Values.OrderByDescending(j => j.Started).Take(20)];

    public ReportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public ReportJob Start(ReportKind kind, int year, bool pdf, string user)
    {
        var job = new ReportJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), kind, year, pdf, user, clock.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>Waits for a run to finish (tests; bounded by <paramref name="timeout"/>).</summary>
    public async Task<ReportJob> WaitAsync(string id, TimeSpan timeout)
    {
        var job = _jobs[id];
        var until = clock.GetUtcNow() + timeout;
        while (job.Status is ReportJobStatus.Waiting or ReportJobStatus.Running && clock.GetUtcNow() < until)
        {
            await Task.Delay(100);
        }
        return job;
    }

    private async Task RunAsync(ReportJob job)
    {
        await _turn.WaitAsync();
        try
        {
            job.Status = ReportJobStatus.Running;
            job.Step = "membaca data dan menyusun dokumen";
            var folder = Path.Combine(options.Value.ReportsPath, job.Id);
            Directory.CreateDirectory(folder);
            ReportOutput output;
            using (var connection = new ZiDatabase(options.Value.Database, clock) { BusyTimeout = TimeSpan.FromSeconds(30) }.OpenRead())
            {
                var request = new ReportRequest(job.Year, options.Value.Templates, folder, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
                output = job.Kind.Create(rules).Write(connection, request);
            }
            var files = output.Files.Where(f => Path.GetExtension(f) is ".docx" or ".xlsx").ToList();
            if (job.Pdf)
            {
                job.Step = "mengubah ke PDF (LibreOffice)";
                files.Add(await PdfPacket.WriteAsync(new PdfConverter(), output, folder));
            }
            job.Downloads = [.. files.Select(f => new ReportDownload(Path.GetFileName(f), f, ContentType(f), new FileInfo(f).Length))];
            job.Status = ReportJobStatus.Done;
            job.Step = "selesai";
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Report {Kind} {Year} failed", job.Kind.Name, job.Year);
            job.Status = ReportJobStatus.Failed;
            job.Error = ex is DatabaseBusyException ? "Basis data sedang dipakai proses lain; coba lagi sebentar lagi." : ex.Message;
            job.Step = "gagal";
        }
        finally
        {
            job.Finished = clock.GetUtcNow();
            _turn.Release();
        }
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
