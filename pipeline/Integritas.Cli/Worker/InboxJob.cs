using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Ingest;
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

    /// <summary>What the last pass skipped and reported (each entry once while it stays as it is), escaped.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

    // Entries reported once (path, kind of notice, write time), across passes: the job object is made per run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Reported = new();

    /// <summary>
    /// One pass over the inbox; returns the outcomes. Only regular files directly in the inbox are read: a symbolic
    /// link (never followed) and a file named like the inbox's own folders (<c>processed</c>, <c>failed</c>) are moved
    /// to <c>failed/</c> with the reason; hidden entries (a copy under way), Office lock files, error notes and other
    /// folders are left where they are and reported once. A file that cannot be read goes to <c>failed/</c> with its
    /// message and never stops the files after it. Names are logged escaped.
    /// </summary>
    public IReadOnlyList<FileOutcome> RunOnce(CancellationToken cancellationToken = default)
    {
        var inbox = options.Settings.Inbox;
        Directory.CreateDirectory(inbox.Path);
        var settled = clock.GetUtcNow().AddSeconds(-inbox.SettleSeconds);
        var outcomes = new List<FileOutcome>();
        var notices = new List<string>();
        var files = new List<string>();
        foreach (var entry in new DirectoryInfo(inbox.Path).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = entry.Name;
            if (entry.LinkTarget is not null)
            {
                outcomes.Add(Refuse(entry.FullName, $"a symbolic link is not read (zi reads only files placed in the inbox itself); copy the file into {inbox.Path}"));
                continue;
            }
            if (entry is DirectoryInfo)
            {
                if (name is not (Processed or Failed))
                {
                    Notice(notices, entry, "a folder in the inbox is not read (only files directly in it are)");
                }
                continue;
            }
            if (name is Processed or Failed)
            {
                outcomes.Add(Refuse(entry.FullName, $"a file may not be named '{name}': the inbox keeps its {name}/ folder under that name; rename it and drop it again"));
                continue;
            }
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal) || name.EndsWith(".error.txt", StringComparison.Ordinal))
            {
                Notice(notices, entry, name.StartsWith('.') ? "a hidden file is not read (a copy under way?)" : name.StartsWith('~') ? "an Office lock file is not read" : "an error note of zi is not read");
                continue;
            }
            if (entry.LastWriteTimeUtc <= settled.UtcDateTime)
            {
                files.Add(entry.FullName);
            }
        }
        Notices = notices;
        if (files.Count == 0)
        {
            logger.LogDebug("Inbox {Inbox} has no settled files", inbox.Path);
            return outcomes;
        }
        var service = new IngestService(rules, clock);
        using var connection = new ZiDatabase(options.Settings.Database, clock).OpenWrite();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileOutcome outcome;
            try
            {
                outcome = service.IngestFile(connection, file);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException or DatabaseBusyException))
            {
                // Whatever a file does to its reader, it is this file's rejection, never the end of the pass.
                outcome = FileOutcome.Refused(file, InputFormats.Unknown, new IngestError(Path.GetFileName(file), $"the file cannot be read: {ex.Message}"), TimeSpan.Zero);
            }
            outcomes.Add(outcome);
            if (outcome.Status == FileStatus.Rejected)
            {
                Reject(file, outcome);
            }
            else
            {
                var target = MoveTo(file, Path.Combine(inbox.Path, Processed));
                logger.LogInformation("{Status} {File} ({Format}, {Rows} rows, {Landed} LKE/predicates landed) in {ElapsedMs} ms; moved to {Target}",
                    outcome.Status, Escape(Path.GetFileName(file)), outcome.Format, outcome.Rows, outcome.Landed.Count, (long)outcome.Elapsed.TotalMilliseconds, Escape(target));
            }
        }
        return outcomes;
    }

    private FileOutcome Refuse(string path, string message)
    {
        var outcome = FileOutcome.Refused(path, InputFormats.Unknown, new IngestError(Path.GetFileName(path), message), TimeSpan.Zero);
        Reject(path, outcome);
        return outcome;
    }

    private void Reject(string file, FileOutcome outcome)
    {
        var target = MoveTo(file, Path.Combine(options.Settings.Inbox.Path, Failed));
        File.WriteAllLines(target + ".error.txt", outcome.Errors.Select(e => Escape(e.ToString()))
            .Append(outcome.ErrorCount > outcome.Errors.Count ? $"... and {outcome.ErrorCount - outcome.Errors.Count} more" : "")
            .Where(l => l.Length > 0));
        logger.LogWarning("Rejected {File} with {ErrorCount} error(s); first: {FirstError}; moved to {Target}",
            Escape(Path.GetFileName(file)), outcome.ErrorCount, Escape(outcome.Errors.FirstOrDefault()?.ToString() ?? ""), Escape(target));
    }

    private void Notice(List<string> notices, FileSystemInfo entry, string why)
    {
        var text = $"{Escape(entry.Name)}: {why}";
        if (Reported.TryAdd($"{entry.FullName}|{why}|{entry.LastWriteTimeUtc.Ticks}", 0))
        {
            notices.Add(text);
            logger.LogWarning("Inbox: {Notice}", text);
        }
    }

    /// <summary>A name as the log shows it: control characters, line breaks and other invisible characters as \uXXXX.</summary>
    public static string Escape(string text)
    {
        if (text.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)))
        {
            return text;
        }
        var sb = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Moves a file into a folder, adding a numeric suffix instead of overwriting an earlier file of the same name.</summary>
    private static string MoveTo(string file, string folder)
    {
        if (File.Exists(folder) || new FileInfo(folder).LinkTarget is not null)
        {
            // A file where the folder belongs (a file named 'failed' dropped in the inbox): moved aside into the folder first.
            var aside = folder + ".zi-moving-" + Environment.ProcessId;
            File.Move(folder, aside);
            Directory.CreateDirectory(folder);
            File.Move(aside, Path.Combine(folder, Path.GetFileName(folder)));
            if (file == folder)
            {
                return Path.Combine(folder, Path.GetFileName(folder));
            }
        }
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file);
        var target = Path.Combine(folder, name + extension);
        for (var n = 2; File.Exists(target) || Directory.Exists(target) || new FileInfo(target).LinkTarget is not null; n++)
        {
            target = Path.Combine(folder, $"{name}-{n}{extension}");
        }
        File.Move(file, target);
        return target;
    }
}
