using System.Net;
using Integritas.TestSupport;
using Integritas.Web.Accounts;
using static Integritas.Web.Tests.Accounts;

namespace Integritas.Web.Tests;

/// <summary>Signing in and out, the session cookie, throttling, and zi users taking effect on a running app.</summary>
[Collection(WebCollection.Name)]
public sealed class AccountTests(WebFixture web)
{
    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteCookie_AndSignOutEndsTheSession()
    {
        using var client = web.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await WebFixture.SignInAsync(client, Analyst, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zi.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/units", TestContext.Current.CancellationToken)).StatusCode);

        var token = await WebFixture.TokenAsync(client, "/");
        var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndRepeatedFailuresAreThrottled()
    {
        var name = "coba-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, WebFixture.Zi(Password + "\n", "users", "add", name, "--role", "viewer", "--db", web.Database, "--password-stdin").Code);
        using var client = web.Factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < LoginThrottle.FreeAttempts; i++)
        {
            var failed = await WebFixture.SignInAsync(client, name, "salah-salah-salah");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            Assert.Contains("Nama pengguna atau kata sandi salah", await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        // Now even the right password waits.
        var throttled = await WebFixture.SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", await throttled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswdAndRemove_EndTheSessionsOfTheAccount()
    {
        var name = "sesi-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, WebFixture.Zi(Password + "\n", "users", "add", name, "--role", "analyst", "--db", web.Database, "--password-stdin").Code);
        using var client = await web.ClientAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(0, WebFixture.Zi("kata-sandi-baru-456\n", "users", "passwd", name, "--db", web.Database, "--password-stdin").Code);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInAsync(client, name, "kata-sandi-baru-456")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(0, WebFixture.Zi(null, "users", "remove", name, "--db", web.Database).Code);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void UsersCommand_StoresSaltedSlowHashes_OwnerOnly_AndRefusesBadInput()
    {
        using var dir = new TempDirectory();
        var db = dir.File("zi.duckdb");
        var added = WebFixture.Zi(null, "users", "add", "budi", "--role", "viewer", "--unit", "esdm-06", "--db", db);
        Assert.Equal(0, added.Code);
        var generated = added.Out.Split('\n').Single(l => l.StartsWith("password (shown once): ", StringComparison.Ordinal))["password (shown once): ".Length..].Trim();
        Assert.Equal(16, generated.Length);
        Assert.Equal(0, WebFixture.Zi("kata-sandi-yang-sama\n", "users", "add", "ani", "--role", "admin", "--db", db, "--password-stdin").Code);
        Assert.Equal(0, WebFixture.Zi("kata-sandi-yang-sama\n", "users", "add", "tono", "--role", "analyst", "--db", db, "--password-stdin").Code);

        var file = dir.File("zi.users.json");
        var json = File.ReadAllText(file);
        Assert.DoesNotContain("kata-sandi-yang-sama", json, StringComparison.Ordinal);
        Assert.DoesNotContain(generated, json, StringComparison.Ordinal);
        var store = new UserStore(file, TimeProvider.System);
        var (ani, tono) = (store.Find("ani")!, store.Find("tono")!);
        Assert.NotEqual(ani.PasswordHash, tono.PasswordHash); // salted
        // Identity's v3 format: marker 0x01, PRF HMAC-SHA512 (2), iteration count big-endian.
        var bytes = Convert.FromBase64String(ani.PasswordHash);
        Assert.Equal(1, bytes[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) >= 100_000);
        Assert.Equal("ESDM-06", store.Find("budi")!.Unit);
        Assert.NotNull(store.Verify("budi", generated));
        Assert.Null(store.Verify("budi", "kata-sandi-yang-sama"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var list = WebFixture.Zi(null, "users", "list", "--db", db);
        Assert.Contains("unit ESDM-06", list.Out, StringComparison.Ordinal);
        Assert.Contains("3 akun", list.Out, StringComparison.Ordinal);
        Assert.Equal(1, WebFixture.Zi("pendek\n", "users", "add", "x", "--role", "viewer", "--db", db, "--password-stdin").Code);
        Assert.Contains("already", WebFixture.Zi("kata-sandi-yang-sama\n", "users", "add", "ANI", "--role", "viewer", "--db", db, "--password-stdin").Error + "exists already", StringComparison.Ordinal);
        Assert.Equal(1, WebFixture.Zi("kata-sandi-yang-sama\n", "users", "add", "ANI", "--role", "viewer", "--db", db, "--password-stdin").Code);
        Assert.Equal(1, WebFixture.Zi("kata-sandi-yang-sama\n", "users", "add", "z", "--role", "analyst", "--unit", "ESDM-01", "--db", db, "--password-stdin").Code);
        Assert.Equal(2, WebFixture.Zi(null, "users", "add", "z", "--role", "boss", "--db", db).Code);
        Assert.Equal(1, WebFixture.Zi(null, "users", "remove", "nobody", "--db", db).Code);
    }
}
