using System.Globalization;
using Integritas.Domain.Rules;
using Integritas.Reports;
using Integritas.Reports.Briefing;
using Integritas.Store;
using Integritas.Store.Queries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Integritas.Cli.Worker;

/// <summary>
/// Writes the ministerial briefing on its schedule into <c>Output/{year}-{date}/</c>. The folder is the
/// run key: a run whose packet already exists for that period does nothing, so a retried or doubled trigger
/// never writes twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BriefingJob(IOptions<WorkerOptions> options, RuleCatalog rules, TimeProvider clock, ILogger<BriefingJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        RunOnce(context.ScheduledFireTimeUtc ?? clock.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <summary>One run for the period of <paramref name="fireTime"/>; returns the document written, or null when it existed.</summary>
    public string? RunOnce(DateTimeOffset fireTime)
    {
        var settings = options.Value;
        var database = new ZiDatabase(settings.Database, clock);
        if (!database.Exists)
        {
            logger.LogWarning("No database at {Database} yet; the briefing waits for the first ingest", database.Path);
            return null;
        }
        using var connection = database.OpenRead();
        var years = ScoreQueries.Years(connection);
        if (years.Count == 0)
        {
            logger.LogWarning("The database {Database} holds no LKE yet; no briefing", database.Path);
            return null;
        }
        var year = settings.Briefing.Year ?? years[^1];
        var local = TimeZoneInfo.ConvertTime(fireTime, clock.LocalTimeZone);
        var runKey = $"{year}-{local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var folder = Path.Combine(settings.Briefing.Output, runKey);
        var document = Path.Combine(folder, $"briefing-{year}.docx");
        if (File.Exists(document))
        {
            logger.LogInformation("Briefing {RunKey} exists already at {Document}; nothing to do", runKey, document);
            return null;
        }
        var templates = string.IsNullOrEmpty(settings.Templates) ? Path.Combine(AppContext.BaseDirectory, "templates") : settings.Templates;
        var output = new BriefingReport(rules).Write(connection, new ReportRequest(year, templates, folder, DateOnly.FromDateTime(local.DateTime)));
        logger.LogInformation("Wrote briefing {RunKey} for {Year}: {Document}", runKey, year, output.Document);
        return output.Document;
    }
}
