using System.Net;
using System.Text.RegularExpressions;
using Integritas.Cli;
using Integritas.Cli.Commands;
using Integritas.Domain.Rules;
using Integritas.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integritas.Web.Tests;

/// <summary>The accounts the tests sign in with: one per role, and viewers limited to an instansi and to a unit.</summary>
public static class Accounts
{
    public const string Password = "kata-sandi-uji-123";
    public const string Admin = "admin";
    public const string Analyst = "analis";
    public const string Viewer = "pembaca";
    public const string InstansiViewer = "pembaca-esdm";
    public const string UnitViewer = "kepala-esdm06";
    public const string ScopedInstansi = "Kementerian Energi dan Sumber Daya Mineral";
    public const string ScopedUnit = "ESDM-06";
    public const string OtherUnit = "BPS-01";
    public const string SameInstansiUnit = "ESDM-01";
}

/// <summary>
/// The sample database ingested once (through <c>zi ingest</c>), the accounts added through <c>zi users</c>, and the
/// web app over them in the test server.
/// </summary>
public sealed class WebFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public WebFixture()
    {
        Database = _dir.File("zi.duckdb");
        Assert.Equal(0, Zi(null, "ingest", "--db", Database, Path.Combine(AppContext.BaseDirectory, "data-samples")).Code);
        AddUser(Accounts.Admin, "admin");
        AddUser(Accounts.Analyst, "analyst");
        AddUser(Accounts.Viewer, "viewer");
        AddUser(Accounts.InstansiViewer, "viewer", "--instansi", Accounts.ScopedInstansi);
        AddUser(Accounts.UnitViewer, "viewer", "--unit", Accounts.ScopedUnit);
        Options = new WebOptions { Database = Database, Templates = Path.Combine(AppContext.BaseDirectory, "templates"), BusySeconds = 1, MaxUploadMegabytes = 2 };
        Factory = new ZiWebFactory(Options);
    }

    public string Database { get; }

    public WebOptions Options { get; }

    public ZiWebFactory Factory { get; }

    public string File(string name) => _dir.File(name);

    public static (int Code, string Out, string Error) Zi(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, FixedClock.Default, RuleCatalog.Default, AppContext.BaseDirectory) { In = new StringReader(input ?? "") };
        var code = ZiApp.RunAsync(args, context).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A client signed in as <paramref name="user"/> (null: signed out), following no redirects.</summary>
    public async Task<HttpClient> ClientAsync(string? user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            var response = await SignInAsync(client, user, Accounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password)
    {
        var token = await TokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of the form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private void AddUser(string name, string role, params string[] scope)
    {
        var result = Zi(Accounts.Password + "\n", ["users", "add", name, "--role", role, "--db", Database, "--password-stdin", .. scope]);
        Assert.True(result.Code == 0, result.Error);
    }

    public void Dispose()
    {
        Factory.Dispose();
        _dir.Dispose();
    }
}

/// <summary>The test classes that only read share one sample database and app (ingesting the samples takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web app over the samples";
}

/// <summary>The web app in the test server, composed the way <c>zi serve</c> composes it.</summary>
public sealed class ZiWebFactory(WebOptions options) : WebApplicationFactory<ZiWebFactory.Anchor>
{
    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureWebHost(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => services.AddIntegritasWeb(options, RuleCatalog.Default, TimeProvider.System))
            .Configure(app => app.UseIntegritasWeb()));

    /// <summary>A type of this (executable) test assembly: the factory needs an entry point's assembly, and the app is a library.</summary>
    public sealed class Anchor;

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseTestServer().UseContentRoot(AppContext.BaseDirectory);
}
