using Microsoft.Extensions.Options;
using Quartz;

namespace Integritas.Cli.Worker;

/// <summary>The worker's settings, section <c>Integritas</c> of appsettings.json (or ZI_ environment variables).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Integritas";

    /// <summary>The DuckDB file the jobs open for each run.</summary>
    public string Database { get; set; } = "";

    /// <summary>Folder of the .docx templates; empty means the ones shipped with zi.</summary>
    public string? Templates { get; set; }

    public InboxOptions Inbox { get; set; } = new();

    public BriefingOptions Briefing { get; set; } = new();
}

public sealed class InboxOptions
{
    /// <summary>Folder where exports are dropped; accepted files move to processed/, rejected ones to failed/.</summary>
    public string Path { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first), e.g. "0 */5 * * * ?" for every five minutes.</summary>
    public string Schedule { get; set; } = "";

    /// <summary>A file is taken only when it has not changed for this many seconds (it may still be copying).</summary>
    public int SettleSeconds { get; set; } = 5;
}

public sealed class BriefingOptions
{
    /// <summary>Quartz cron expression, e.g. "0 0 7 ? * MON" for Mondays at 07:00.</summary>
    public string Schedule { get; set; } = "";

    /// <summary>Folder the briefing packets are written to, one subfolder per run.</summary>
    public string Output { get; set; } = "";

    /// <summary>Evaluation year to brief on; empty means the latest year in the database.</summary>
    public int? Year { get; set; }

    /// <summary>The reports of the packet, in reading order (names as in <c>zi report</c>).</summary>
    public List<string> Reports { get; set; } = ["briefing"];

    /// <summary>Whether the packet is also delivered as one PDF (needs LibreOffice and poppler-utils).</summary>
    public bool Pdf { get; set; } = true;
}

/// <summary>Checks every setting at start and reports all bad keys at once, each with its value.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var failures = new List<string>();
        void Require(bool ok, string key, object? value, string message)
        {
            if (!ok)
            {
                failures.Add($"{WorkerOptions.Section}:{key} = '{value}': {message}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.Database), "Database", options.Database, "the database file is required");
        Require(!string.IsNullOrWhiteSpace(options.Inbox.Path), "Inbox:Path", options.Inbox.Path, "the inbox folder is required");
        Require(CronExpression.TryParse(options.Inbox.Schedule ?? "", out _), "Inbox:Schedule", options.Inbox.Schedule,
            "not a Quartz cron expression (seconds first, e.g. '0 */5 * * * ?')");
        Require(options.Inbox.SettleSeconds is >= 0 and <= 3600, "Inbox:SettleSeconds", options.Inbox.SettleSeconds, "must be between 0 and 3600");
        Require(CronExpression.TryParse(options.Briefing.Schedule ?? "", out _), "Briefing:Schedule", options.Briefing.Schedule,
            "not a Quartz cron expression (e.g. '0 0 7 ? * MON' for Mondays at 07:00)");
        Require(!string.IsNullOrWhiteSpace(options.Briefing.Output), "Briefing:Output", options.Briefing.Output, "the output folder is required");
        Require(options.Briefing.Year is null or (>= 2000 and <= 2100), "Briefing:Year", options.Briefing.Year, "must be an evaluation year such as 2025, or empty");
        var unknown = options.Briefing.Reports.Where(r => Reports.ReportKinds.Find(r) is null).ToList();
        Require(options.Briefing.Reports.Count > 0 && unknown.Count == 0, "Briefing:Reports", string.Join(",", options.Briefing.Reports),
            $"name one or more reports of {string.Join(", ", Reports.ReportKinds.Names)}");
        Require(options.Templates is null || options.Templates.Length == 0 || Directory.Exists(options.Templates), "Templates", options.Templates,
            "the templates folder does not exist");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
