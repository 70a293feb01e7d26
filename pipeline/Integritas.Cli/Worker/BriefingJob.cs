using System.Globalization;
using Integritas.Domain.Rules;
using Integritas.Reports;
using Integritas.Reports.Pdf;
using Integritas.Store;
using Integritas.Store.Queries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Integritas.Cli.Worker;

/// <summary>
/// Writes the ministerial briefing packet on its schedule into <c>Output/{year}-{date}/</c>: the reports named in
/// <c>Briefing:Reports</c> and, with <c>Briefing:Pdf</c>, one PDF of all of them (<c>paket-{year}-{date}.pdf</c>).
/// The folder is the run key: a run whose packet already exists for that period does nothing, so a retried
/// or doubled trigger never writes twice. Without LibreOffice the packet stays in Word and the log says why.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BriefingJob(IOptions<WorkerOptions> options, RuleCatalog rules, TimeProvider clock, ILogger<BriefingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunOnceAsync(context.ScheduledFireTimeUtc ?? clock.GetUtcNow(), cancellationToken);

    /// <summary>One run for the period of <paramref name="fireTime"/>; returns the first document written, or null when the packet existed.</summary>
    public string? RunOnce(DateTimeOffset fireTime) => RunOnceAsync(fireTime, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<string?> RunOnceAsync(DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var database = new ZiDatabase(settings.Database, clock);
        if (!database.Exists)
        {
            logger.LogWarning("No database at {Database} yet; the briefing waits for the first ingest", database.Path);
            return null;
        }
        int year;
        string folder;
        string runKey;
        List<ReportOutput> written;
        List<string> templateFiles;
        using (var connection = database.OpenRead())
        {
            var years = ScoreQueries.Years(connection);
            if (years.Count == 0)
            {
                logger.LogWarning("The database {Database} holds no LKE yet; no briefing", database.Path);
                return null;
            }
            year = settings.Briefing.Year ?? years[^1];
            var local = TimeZoneInfo.ConvertTime(fireTime, clock.LocalTimeZone);
            runKey = $"{year}-{local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            folder = Path.Combine(settings.Briefing.Output, runKey);
            var marker = Path.Combine(folder, $"briefing-{year}.docx");
            if (File.Exists(marker) || Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.docx").Any())
            {
                logger.LogInformation("Briefing packet {RunKey} exists already in {Folder}; nothing to do", runKey, folder);
                return null;
            }
            var templates = string.IsNullOrEmpty(settings.Templates) ? Path.Combine(AppContext.BaseDirectory, "templates") : settings.Templates;
            var request = new ReportRequest(year, templates, folder, DateOnly.FromDateTime(local.DateTime));
            var kinds = settings.Briefing.Reports.Select(name => ReportKinds.Find(name)!).ToList();
            templateFiles = [.. kinds.Select(k => Path.Combine(templates, k.TemplateFile))];
            written = [.. kinds.Select(k => k.Create(rules).Write(connection, request))];
        }
        logger.LogInformation("Wrote briefing packet {RunKey} for {Year}: {Documents}", runKey, year, string.Join(", ", written.SelectMany(r => r.Documents).Select(Path.GetFileName)));
        if (settings.Briefing.Pdf)
        {
            await Deliver(written, templateFiles, folder, runKey, cancellationToken);
        }
        return written[0].Document;
    }

    /// <summary>One PDF of the whole packet, or a warning naming what is missing; the Word documents stay either way.</summary>
    private async Task Deliver(List<ReportOutput> written, List<string> templates, string folder, string runKey, CancellationToken cancellationToken)
    {
        try
        {
            var converter = new PdfConverter();
            foreach (var missing in converter.MissingFonts(templates))
            {
                logger.LogWarning("Template {Template} names the font {Font}, neither shipped with zi nor installed here: the packet {RunKey} sets it in {Substitute}, so its lines and pages may fall differently than in Word",
                    missing.Template, missing.Family, runKey, missing.Substitute ?? "another font");
            }
            var scratch = Path.Combine(folder, ".pdf");
            Directory.CreateDirectory(scratch);
            var pdfs = await converter.ConvertAsync([.. written.SelectMany(r => r.Documents)], scratch, cancellationToken);
            var packet = Path.Combine(folder, $"paket-{runKey}.pdf");
            PdfMerger.Merge(pdfs, packet);
            Directory.Delete(scratch, recursive: true);
            logger.LogInformation("Wrote the packet PDF {Packet} ({Documents} documents)", packet, pdfs.Count);
        }
        catch (PdfException ex)
        {
            logger.LogWarning("The packet {RunKey} stays in Word only: {Reason}", runKey, ex.Message);
        }
    }
}
