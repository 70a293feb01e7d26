namespace Integritas.Web;

/// <summary>The web app's settings: section <c>Integritas:Web</c> of the configuration, the database from <c>--db</c> or <c>Integritas:Database</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Integritas:Web";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The DuckDB file pages read (read-only, per request) and uploads write to.</summary>
    public string Database { get; set; } = "";

    /// <summary>The accounts file; empty means beside the database (<c>zi.users.json</c>).</summary>
    public string? Users { get; set; }

    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Folder of the .docx templates (the ones shipped with zi by default).</summary>
    public string Templates { get; set; } = "";

    /// <summary>Where uploaded files are kept (the database records each landed file's path); empty: <c>uploads/</c> beside the database.</summary>
    public string? Uploads { get; set; }

    /// <summary>Where rendered reports are written, one folder per run; empty: <c>web-reports/</c> beside the database.</summary>
    public string? Reports { get; set; }

    /// <summary>The largest upload accepted in one request, in MiB (all files together).</summary>
    public int MaxUploadMegabytes { get; set; } = 64;

    /// <summary>How long a page waits for a database another process is writing before it says so.</summary>
    public int BusySeconds { get; set; } = 3;

    public string UsersPath => string.IsNullOrWhiteSpace(Users) ? Accounts.UserStore.BesideDatabase(Database) : Path.GetFullPath(Users);

    public string UploadsPath => string.IsNullOrWhiteSpace(Uploads) ? Path.Combine(DatabaseFolder, "uploads") : Path.GetFullPath(Uploads);

    public string ReportsPath => string.IsNullOrWhiteSpace(Reports) ? Path.Combine(DatabaseFolder, "web-reports") : Path.GetFullPath(Reports);

    private string DatabaseFolder => Path.GetDirectoryName(Path.GetFullPath(Database))!;
}
