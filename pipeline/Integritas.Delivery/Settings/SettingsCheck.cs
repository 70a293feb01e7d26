using System.Text.RegularExpressions;
using Integritas.Reports;
using MimeKit;
using Quartz;

namespace Integritas.Delivery.Settings;

/// <summary>The meaning of bound settings: every failure is collected with its key and value, none stops the others.</summary>
internal static partial class SettingsCheck
{
    public const string BriefingName = "briefing";

    public static IReadOnlyList<Subscription> Check(ZiSettings settings, List<string> failures, List<string> warnings, bool createFolders)
    {
        void Require(bool ok, string key, object? value, string message)
        {
            if (!ok)
            {
                failures.Add($"{ZiSettings.Section}:{key} = '{value}': {message}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(settings.Database), "Database", settings.Database, "the database file is required");
        Require(!string.IsNullOrWhiteSpace(settings.Inbox.Path), "Inbox:Path", settings.Inbox.Path, "the inbox folder is required");
        Require(CronExpression.TryParse(settings.Inbox.Schedule ?? "", out _), "Inbox:Schedule", settings.Inbox.Schedule,
            "not a Quartz cron expression (seconds first, e.g. '0 */5 * * * ?')");
        Require(settings.Inbox.SettleSeconds is >= 0 and <= 3600, "Inbox:SettleSeconds", settings.Inbox.SettleSeconds, "must be between 0 and 3600");
        Require(string.IsNullOrEmpty(settings.Templates) || Directory.Exists(settings.Templates), "Templates", settings.Templates, "the templates folder does not exist");
        Require(settings.ShutdownTimeoutSeconds is >= 1 and <= 86_400, "ShutdownTimeoutSeconds", settings.ShutdownTimeoutSeconds, "must be between 1 and 86400");

        var defaultZone = Zone(settings.TimeZone, "TimeZone", failures);
        if (string.IsNullOrWhiteSpace(settings.Output))
        {
            settings.Output = settings.Briefing is { Output.Length: > 0 } briefing ? briefing.Output : ZiSettings.DefaultOutput;
        }
        for (var i = 0; i < settings.AlertTo.Count; i++)
        {
            Require(IsAddress(settings.AlertTo[i]), $"AlertTo:{i}", settings.AlertTo[i], "not an e-mail address");
        }

        var all = new List<(SubscriptionSettings Settings, string Key, bool Legacy)>();
        if (settings.Briefing is { } old)
        {
            all.Add((new SubscriptionSettings { Name = BriefingName, Schedule = old.Schedule, Reports = old.Reports, Year = old.Year, Pdf = old.Pdf }, "Briefing", true));
        }
        all.AddRange(settings.Subscriptions.Select((s, i) => (s, $"Subscriptions:{i}", false)));
        var subscriptions = new List<Subscription>();
        foreach (var (s, key, legacy) in all)
        {
            var before = failures.Count;
            if (!legacy)
            {
                Require(NamePattern().IsMatch(s.Name ?? ""), $"{key}:Name", s.Name, "a name of lower-case letters, digits and '-' is required (it names the output folder)");
            }
            var clash = all.Count(o => o.Settings.Name == s.Name) > 1;
            Require(!clash, $"{key}:Name", s.Name, legacy
                ? "the old Briefing section is read as the subscription 'briefing', and a subscription of that name exists too: move the Briefing settings into that subscription and remove the section"
                : "another subscription has the same name");
            Require(CronExpression.TryParse(s.Schedule ?? "", out _), $"{key}:Schedule", s.Schedule,
                "not a Quartz cron expression (seconds first, e.g. '0 0 7 ? * MON' for Mondays at 07:00)");
            var zone = string.IsNullOrWhiteSpace(s.TimeZone) ? defaultZone : Zone(s.TimeZone, $"{key}:TimeZone", failures);
            var reports = s.Reports.Count == 0 ? [BriefingName] : s.Reports;
            var unknown = reports.Where(r => ReportKinds.Find(r) is null).ToList();
            Require(unknown.Count == 0, $"{key}:Reports", string.Join(",", reports), $"name reports of {string.Join(", ", ReportKinds.Names)}");
            Require(reports.Distinct(StringComparer.OrdinalIgnoreCase).Count() == reports.Count, $"{key}:Reports", string.Join(",", reports), "a report is named twice");
            Require(s.Year is null or (>= 2000 and <= 2100), $"{key}:Year", s.Year, "must be an evaluation year such as 2025, or empty");
            foreach (var (list, field) in new[] { (s.To, "To"), (s.Cc, "Cc") })
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Require(IsAddress(list[i]), $"{key}:{field}:{i}", list[i], "not an e-mail address");
                }
            }
            foreach (var (list, field) in new[] { (s.Scope.Instansi, "Scope:Instansi"), (s.Scope.Units, "Scope:Units") })
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Require(!string.IsNullOrWhiteSpace(list[i]), $"{key}:{field}:{i}", list[i], field.EndsWith("Units", StringComparison.Ordinal) ? "a unit code is required" : "an instansi name is required");
                }
            }
            Require(!legacy || s.Burst == BurstMode.None, $"{key}:Burst", s.Burst, "the old Briefing section has no burst; write it into Subscriptions");
            if (s.Burst != BurstMode.None && s.To.Count + s.Cc.Count > 0)
            {
                warnings.Add($"{ZiSettings.Section}:{key}:To: a bursted subscription sends each packet to its own {s.Burst.ToString().ToLowerInvariant()}'s recipients (the recipients file); To and Cc get every packet as well");
            }
            if (failures.Count == before && zone is not null)
            {
                subscriptions.Add(new Subscription(s.Name!, s.Schedule!, zone, [.. reports.Select(r => ReportKinds.Find(r)!.Name)], s.Year, s.Pdf,
                    [.. s.To], [.. s.Cc], [.. s.Scope.Instansi], [.. s.Scope.Units], s.Burst, s.When, legacy));
            }
        }
        if (settings.Briefing is not null && settings.Subscriptions.Count > 0)
        {
            warnings.Add($"{ZiSettings.Section}:Briefing: the old section is read as the subscription '{BriefingName}'; write it into Subscriptions to give it recipients and a time zone");
        }

        var mails = settings.AlertTo.Count > 0 || all.Any(s => s.Settings.To.Count + s.Settings.Cc.Count > 0 || s.Settings.Burst != BurstMode.None);
        var smtp = settings.Smtp;
        if (mails || !string.IsNullOrEmpty(smtp.Host))
        {
            Require(!string.IsNullOrWhiteSpace(smtp.Host), "Smtp:Host", smtp.Host, "a subscription or AlertTo sends mail: the SMTP server's host is required");
            Require(smtp.Port is >= 1 and <= 65535, "Smtp:Port", smtp.Port, "must be a TCP port (1-65535)");
            Require(IsAddress(smtp.From), "Smtp:From", smtp.From, "the sender's e-mail address is required");
            Require(string.IsNullOrEmpty(smtp.Password) || !string.IsNullOrEmpty(smtp.UserName), "Smtp:UserName", smtp.UserName, "a password is given without a user name");
        }
        Require(smtp.MaxAttachmentMb is > 0 and <= 1024, "Smtp:MaxAttachmentMb", smtp.MaxAttachmentMb, "must be more than 0 and at most 1024");
        Require(smtp.TimeoutSeconds is >= 1 and <= 3600, "Smtp:TimeoutSeconds", smtp.TimeoutSeconds, "must be between 1 and 3600");

        Require(string.Equals(settings.Scheduler.Store, SchedulerSettings.Sqlite, StringComparison.OrdinalIgnoreCase), "Scheduler:Store", settings.Scheduler.Store,
            "the store zi keeps its schedule and run history in: 'sqlite'");
        Require(!string.IsNullOrWhiteSpace(settings.Scheduler.ConnectionString), "Scheduler:ConnectionString", settings.Scheduler.ConnectionString, "a SQLite file (or 'Data Source=FILE') is required");

        if (createFolders)
        {
            Folder(settings.Output, "Output", failures);
            if (!string.IsNullOrWhiteSpace(settings.Inbox.Path))
            {
                Folder(settings.Inbox.Path, "Inbox:Path", failures);
            }
            if (!string.IsNullOrWhiteSpace(settings.Database))
            {
                Folder(Path.GetDirectoryName(Path.GetFullPath(settings.Database))!, "Database", failures, settings.Database);
            }
            if (!string.IsNullOrWhiteSpace(settings.Scheduler.ConnectionString))
            {
                var file = SchedulerFile(settings.Scheduler);
                if (file is not null)
                {
                    Folder(Path.GetDirectoryName(Path.GetFullPath(file))!, "Scheduler:ConnectionString", failures, settings.Scheduler.ConnectionString);
                }
            }
        }
        return subscriptions;
    }

    /// <summary>The SQLite file of the scheduler's store (a path, or the Data Source of a connection string); null for an in-memory one.</summary>
    public static string? SchedulerFile(SchedulerSettings scheduler)
    {
        var text = scheduler.ConnectionString;
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(text);
        return builder.DataSource is "" or ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory ? null : builder.DataSource;
    }

    private static TimeZoneInfo? Zone(string? id, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }
        failures.Add($"{ZiSettings.Section}:{key} = '{id}': not a time zone this machine knows (an IANA id such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura, Europe/Rome; Debian: apt-get install tzdata)");
        return null;
    }

    private static void Folder(string folder, string key, List<string> failures, string? value = null)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failures.Add($"{ZiSettings.Section}:{key} = '{value ?? folder}': the folder {folder} cannot be created: {ex.Message}");
        }
    }

    public static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
        && address.Address.IndexOf('@', StringComparison.Ordinal) is > 0 && !address.Address.EndsWith('@');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();
}
