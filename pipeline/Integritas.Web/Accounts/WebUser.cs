namespace Integritas.Web.Accounts;

/// <summary>The roles there are: <c>admin</c> manages users, <c>analyst</c> uploads and renders reports, <c>viewer</c> reads.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst, Viewer];

    /// <summary>Policy names: who may upload and render (admin, analyst), who may manage users (admin).</summary>
    public const string CanWrite = "can-write";
    public const string CanAdminister = "can-administer";

    public static string Label(string role) => role switch
    {
        Admin => "Administrator",
        Analyst => "Analis",
        _ => "Pembaca",
    };
}

/// <summary>
/// A local account: name, role, the optional instansi or unit a viewer is limited to, the password hash
/// (ASP.NET Core Identity's PasswordHasher: PBKDF2-HMAC-SHA512, 100,000 iterations, random salt) and a stamp
/// that changes with the password, so a changed password or a removed account ends the sessions signed in with it.
/// </summary>
public sealed record WebUser(string Name, string Role, string? Instansi, string? Unit, string PasswordHash, string Stamp, DateTimeOffset Created)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public UserScope Scope => new(Role == Roles.Viewer ? Instansi : null, Role == Roles.Viewer ? Unit : null);
}

/// <summary>
/// What a signed-in user may see: everything (no instansi, no unit), one instansi's units, or one unit. Only a
/// viewer is limited; an analyst and an admin see everything.
/// </summary>
public sealed record UserScope(string? Instansi, string? Unit)
{
    public static UserScope Everything { get; } = new(null, null);

    public bool IsLimited => Instansi is not null || Unit is not null;

    public bool Allows(string unitId, string instansi) =>
        (Unit is null || string.Equals(Unit, unitId, StringComparison.OrdinalIgnoreCase))
        && (Instansi is null || string.Equals(Instansi, instansi, StringComparison.OrdinalIgnoreCase));

    public bool AllowsInstansi(string instansi) => Unit is null && (Instansi is null || string.Equals(Instansi, instansi, StringComparison.OrdinalIgnoreCase));

    public string Describe() => Unit is not null ? $"unit {Unit}" : Instansi is not null ? $"instansi {Instansi}" : "semua unit";
}
