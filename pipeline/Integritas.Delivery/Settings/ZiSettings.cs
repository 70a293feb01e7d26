namespace Integritas.Delivery.Settings;

/// <summary>
/// The settings of the worker and the delivery commands: section <c>Integritas</c> of appsettings.json, a file given
/// with <c>--config</c>, or <c>ZI_</c> environment variables (<c>ZI_Integritas__Smtp__Password</c>). Read through
/// <see cref="SettingsReader"/>, which names every bad key at once before anything binds or runs.
/// </summary>
public sealed class ZiSettings
{
    public const string Section = "Integritas";

    /// <summary>The DuckDB file the jobs open for each run.</summary>
    public string Database { get; set; } = "";

    /// <summary>Folder of the .docx templates; empty means the ones shipped with zi.</summary>
    public string? Templates { get; set; }

    /// <summary>Where every delivered packet is kept: <c>{Output}/{subscription}/{period}/</c>.</summary>
    public string Output { get; set; } = "";

    /// <summary>The IANA time zone subscriptions are scheduled in unless they name their own.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Who is told by mail when a run fails.</summary>
    public List<string> AlertTo { get; set; } = [];

    /// <summary>How long a stop (SIGTERM, Ctrl-C) waits for the run under way before it is cut off and recorded failed.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 600;

    public InboxSettings Inbox { get; set; } = new();

    /// <summary>The LHE's letter numbers (<c>zi report lhe</c> reads the same section).</summary>
    public LheNumberSettings Lhe { get; set; } = new();

    /// <summary>The section of zi before subscriptions: read as the one subscription <c>briefing</c>.</summary>
    public BriefingSettings? Briefing { get; set; }

    public List<SubscriptionSettings> Subscriptions { get; set; } = [];

    public SmtpSettings Smtp { get; set; } = new();

    public SchedulerSettings Scheduler { get; set; } = new();

    public const string DefaultTimeZone = "Asia/Jakarta";

    public const string DefaultOutput = "data/output";
}

public sealed class InboxSettings
{
    /// <summary>Folder where exports are dropped; accepted files move to processed/, rejected ones to failed/.</summary>
    public string Path { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first), e.g. "0 */5 * * * ?" for every five minutes.</summary>
    public string Schedule { get; set; } = "";

    /// <summary>A file is taken only when it has not changed for this many seconds (it may still be copying).</summary>
    public int SettleSeconds { get; set; } = 5;
}

/// <summary>The old <c>Integritas:Briefing</c> section: one packet on one schedule, kept in a folder.</summary>
public sealed class BriefingSettings
{
    public string Schedule { get; set; } = "";

    /// <summary>Where the packets went; read as <c>Integritas:Output</c> when that is not set.</summary>
    public string Output { get; set; } = "";

    public int? Year { get; set; }

    public List<string> Reports { get; set; } = [];

    public bool Pdf { get; set; } = true;
}

public enum BurstMode
{
    None,
    Instansi,
    Unit,
}

public enum SendWhen
{
    Always,
    Changed,
}

public sealed class SubscriptionSettings
{
    /// <summary>Unique, lower-case letters, digits and '-': it names the output folder and the run records.</summary>
    public string Name { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first), read in <see cref="TimeZone"/>.</summary>
    public string Schedule { get; set; } = "";

    /// <summary>IANA id; empty means <c>Integritas:TimeZone</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The report kinds of the packet in reading order; they replace the default (<c>briefing</c>), never add to it.</summary>
    public List<string> Reports { get; set; } = [];

    /// <summary>Evaluation year; empty means the latest in the database at the run.</summary>
    public int? Year { get; set; }

    /// <summary>Whether the packet is one consolidated PDF (attached instead of the Word documents).</summary>
    public bool Pdf { get; set; } = true;

    public List<string> To { get; set; } = [];

    public List<string> Cc { get; set; } = [];

    public ScopeSettings Scope { get; set; } = new();

    public BurstMode Burst { get; set; } = BurstMode.None;

    public SendWhen When { get; set; } = SendWhen.Always;
}

/// <summary>Which units a packet covers; both empty means all.</summary>
public sealed class ScopeSettings
{
    public List<string> Instansi { get; set; } = [];

    public List<string> Units { get; set; } = [];
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public string From { get; set; } = "";

    public string? UserName { get; set; }

    /// <summary>Best given as the environment variable <c>ZI_Integritas__Smtp__Password</c>, not in a file.</summary>
    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>A packet larger than this is not attached: the mail says where it is kept.</summary>
    public double MaxAttachmentMb { get; set; } = 15;

    /// <summary>How long one connection or command may take.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

public sealed class SchedulerSettings
{
    public const string Sqlite = "sqlite";

    public string Store { get; set; } = Sqlite;

    /// <summary>A SQLite file path, or a full connection string (<c>Data Source=...</c>).</summary>
    public string ConnectionString { get; set; } = "data/zi-scheduler.db";
}

/// <summary>Section <c>Integritas:Lhe</c>: the letter number pattern of the LHE and the first running number of a year's letters.</summary>
public sealed class LheNumberSettings
{
    public string NumberPattern { get; set; } = Integritas.Reports.Lhe.LetterNumber.DefaultPattern;

    public int FirstNumber { get; set; } = 1;
}
