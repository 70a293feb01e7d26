using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Ingest;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Integritas.Cli.Worker;

/// <summary>
/// Ingests the files dropped in the inbox: each accepted (or unchanged) file moves to <c>processed/</c>,
/// each rejected one to <c>failed/</c> with its errors beside it in <c>NAME.error.txt</c>. Moving the file
/// is what makes a run idempotent: a file is ingested once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboxJob(SettingsResult options, RuleCatalog rules, TimeProvider clock, ILogger<InboxJob> logger) : IJob
{
    public const string Processed = "processed";
    public const string Failed = "failed";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        RunOnce(cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <summary>One pass over the inbox; returns the outcomes.</summary>
    public IReadOnlyList<FileOutcome> RunOnce(CancellationToken cancellationToken = default)
    {
        var inbox = options.Settings.Inbox;
        Directory.CreateDirectory(inbox.Path);
        var settled = clock.GetUtcNow().AddSeconds(-inbox.SettleSeconds);
        var files = Directory.EnumerateFiles(inbox.Path)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && File.GetLastWriteTimeUtc(f) <= settled.UtcDateTime)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            logger.LogDebug("Inbox {Inbox} has no settled files", inbox.Path);
            return [];
        }
        var outcomes = new List<FileOutcome>();
        var service = new IngestService(rules, clock);
        using var connection = new ZiDatabase(options.Settings.Database, clock).OpenWrite();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = service.IngestFile(connection, file);
            outcomes.Add(outcome);
            if (outcome.Status == FileStatus.Rejected)
            {
                var target = MoveTo(file, Path.Combine(inbox.Path, Failed));
                File.WriteAllLines(target + ".error.txt", outcome.Errors.Select(e => e.ToString())
                    .Append(outcome.ErrorCount > outcome.Errors.Count ? $"... and {outcome.ErrorCount - outcome.Errors.Count} more" : "")
                    .Where(l => l.Length > 0));
                logger.LogWarning("Rejected {File} with {ErrorCount} error(s); first: {FirstError}; moved to {Target}",
                    Path.GetFileName(file), outcome.ErrorCount, outcome.Errors.FirstOrDefault()?.ToString(), target);
            }
            else
            {
                var target = MoveTo(file, Path.Combine(inbox.Path, Processed));
                logger.LogInformation("{Status} {File} ({Format}, {Rows} rows, {Landed} LKE/predicates landed) in {ElapsedMs} ms; moved to {Target}",
                    outcome.Status, Path.GetFileName(file), outcome.Format, outcome.Rows, outcome.Landed.Count, (long)outcome.Elapsed.TotalMilliseconds, target);
            }
        }
        return outcomes;
    }

    /// <summary>Moves a file into a folder, adding a numeric suffix instead of overwriting an earlier file of the same name.</summary>
    private static string MoveTo(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file);
        var target = Path.Combine(folder, name + extension);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{name}-{n}{extension}");
        }
        File.Move(file, target);
        return target;
    }
}
