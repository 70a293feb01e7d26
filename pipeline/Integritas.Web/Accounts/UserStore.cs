using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;

namespace Integritas.Web.Accounts;

/// <summary>A change to the accounts that cannot be made (unknown user, name taken, bad role); the message says why.</summary>
public sealed class UserStoreException(string message) : Exception(message);

/// <summary>
/// The local accounts, in a JSON file beside the database (<c>zi.duckdb</c> → <c>zi.users.json</c>), written
/// whole to a temporary file and renamed over the old one, readable by its owner only. The web app rereads it when
/// it changes, so <c>zi users</c> takes effect on a running <c>zi serve</c>.
/// </summary>
public sealed class UserStore(string path, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly PasswordHasher<WebUser> _hasher = new();
    private readonly Lock _gate = new();
    private (DateTime Written, long Length, IReadOnlyList<WebUser> Users)? _cache;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The accounts file that belongs to a database file.</summary>
    public static string BesideDatabase(string database)
    {
        var full = System.IO.Path.GetFullPath(database);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileNameWithoutExtension(full) + ".users.json");
    }

    public IReadOnlyList<WebUser> List()
    {
        lock (_gate)
        {
            if (!File.Exists(Path))
            {
                return [];
            }
            var info = new FileInfo(Path);
            if (_cache is { } c && c.Written == info.LastWriteTimeUtc && c.Length == info.Length)
            {
                return c.Users;
            }
            var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(Path), Json)
                ?? throw new UserStoreException($"{Path} is not an accounts file.");
            _cache = (info.LastWriteTimeUtc, info.Length, file.Users);
            return file.Users;
        }
    }

    public WebUser? Find(string name) => List().FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public WebUser Add(string name, string role, string password, string? instansi = null, string? unit = null)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UserStoreException($"'{name}' is not a user name: 1 to 64 characters, no spaces.");
        }
        if (!Roles.All.Contains(role))
        {
            throw new UserStoreException($"unknown role '{role}' (roles: {string.Join(", ", Roles.All)}).");
        }
        if ((instansi is not null || unit is not null) && role != Roles.Viewer)
        {
            throw new UserStoreException("--instansi and --unit limit a viewer; an admin or analyst sees every unit.");
        }
        CheckPassword(password);
        lock (_gate)
        {
            var users = List().ToList();
            if (users.Any(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new UserStoreException($"user '{name}' exists already; use 'zi users passwd' to change the password or remove it first.");
            }
            var user = new WebUser(name, role, Blank(instansi), Blank(unit)?.ToUpperInvariant(), "", NewStamp(), clock.GetUtcNow());
            user = user with { PasswordHash = _hasher.HashPassword(user, password) };
            users.Add(user);
            Save(users);
            return user;
        }
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            var users = List().ToList();
            var removed = users.RemoveAll(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (removed == 0)
            {
                throw new UserStoreException($"no user '{name}' in {Path}.");
            }
            Save(users);
        }
    }

    public void SetPassword(string name, string password)
    {
        CheckPassword(password);
        lock (_gate)
        {
            var users = List().ToList();
            var index = users.FindIndex(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new UserStoreException($"no user '{name}' in {Path}.");
            }
            var user = users[index] with { Stamp = NewStamp() };
            users[index] = user with { PasswordHash = _hasher.HashPassword(user, password) };
            Save(users);
        }
    }

    /// <summary>The user when the password is theirs; null otherwise (unknown name or wrong password alike).</summary>
    public WebUser? Verify(string name, string password)
    {
        var user = Find(name);
        if (user is null)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            _hasher.HashPassword(new WebUser("", Roles.Viewer, null, null, "", "", default), password);
            return null;
        }
        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public static string NewPassword() =>
        string.Concat(RandomNumberGenerator.GetItems("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".AsSpan(), 16));

    private static void CheckPassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new UserStoreException($"the password must have at least {MinimumPasswordLength} characters.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private void Save(List<WebUser> users)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new UsersFile([.. users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)]), Json);
        }
        File.Move(temporary, Path, overwrite: true);
        _cache = null;
    }

    private sealed record UsersFile(IReadOnlyList<WebUser> Users);
}
