using System.Net;
using Integritas.Reports;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Integritas.Web.Tests.Accounts;

namespace Integritas.Web.Tests;

/// <summary>
/// Every route for every role: a table of what each route answers to a signed-out visitor, an admin, an analyst, an
/// unlimited viewer, a viewer limited to an instansi and one limited to a unit. A route added to the app without a
/// row here fails <see cref="EveryRoute_HasARule"/>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RouteRoleTests(WebFixture web)
{
    private const int Year = 2025;

    /// <summary>Who asks: null is signed out.</summary>
    private static readonly string?[] Who = [null, Admin, Analyst, Viewer, InstansiViewer, UnitViewer];

    /// <summary>Expected status for signed out, admin, analyst, viewer, instansi viewer, unit viewer.</summary>
    private sealed record Probe(string Path, params int[] Expected);

    private const int Ok = 200, Redirect = 302, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    private static readonly int[] AllSignedIn = [Redirect, Ok, Ok, Ok, Ok, Ok];
    private static readonly int[] FilesSignedIn = [Unauthorized, Ok, Ok, Ok, Ok, Ok];
    private static readonly int[] Writers = [Redirect, Ok, Ok, Forbidden, Forbidden, Forbidden];
    private static readonly int[] Anyone = [Ok, Ok, Ok, Ok, Ok, Ok];

    /// <summary>The rules, by route pattern as the app registers it. {run} and {file} are filled with a real report run.</summary>
    private static readonly Dictionary<string, Probe[]> Rules = new(StringComparer.Ordinal)
    {
        ["health"] = [new("/health", Anyone)],
        ["assets/{name}"] = [new("/assets/site.css", Anyone), new("/assets/upload.js", Anyone), new("/assets/nothing.css", NotFound, NotFound, NotFound, NotFound, NotFound, NotFound)],
        ["login"] = [new("/login", Anyone)],
        ["logout"] = [new("/logout", Redirect, Redirect, Redirect, Redirect, Redirect, Redirect)],
        ["status/{code:int}"] = [new("/status/404", Anyone)],
        ["error"] = [new("/error", Anyone)],
        [""] = [new("/", AllSignedIn), new($"/?year={Year}", AllSignedIn)],
        ["units"] = [new("/units", AllSignedIn), new($"/units?year={Year}&sort=total&dir=desc", AllSignedIn)],
        ["units/{kode}"] =
        [
            new($"/units/{ScopedUnit}?year={Year}", AllSignedIn),
            new($"/units/{SameInstansiUnit}?year={Year}", Redirect, Ok, Ok, Ok, Ok, NotFound),
            new($"/units/{OtherUnit}?year={Year}", Redirect, Ok, Ok, Ok, NotFound, NotFound),
            new("/units/TIDAK-ADA", Redirect, NotFound, NotFound, NotFound, NotFound, NotFound),
            new($"/units/{ScopedUnit}?year=1999", Redirect, NotFound, NotFound, NotFound, NotFound, NotFound),
        ],
        ["candidates"] = [new($"/candidates?year={Year}", AllSignedIn), new($"/candidates?year={Year}&target=WBBM", AllSignedIn)],
        ["candidates.xlsx"] = [new($"/candidates.xlsx?year={Year}&target=WBK", FilesSignedIn)],
        ["rules"] = [new("/rules", AllSignedIn)],
        ["upload"] = [new("/upload", Writers)],
        ["reports"] = [new("/reports", AllSignedIn)],
        ["reports/runs/{id}"] = [new("/reports/runs/{run}", Redirect, Ok, Ok, Ok, NotFound, NotFound), new("/reports/runs/0000", Redirect, NotFound, NotFound, NotFound, NotFound, NotFound)],
        ["reports/runs/{id}/{index:int}/{name}"] =
        [
            new("/reports/runs/{run}/0/{file}", Unauthorized, Ok, Ok, Ok, NotFound, NotFound),
            new("/reports/runs/{run}/99/{file}", Unauthorized, NotFound, NotFound, NotFound, NotFound, NotFound),
            new("/reports/runs/{run}/0/..%2F..%2Fzi.duckdb", Unauthorized, NotFound, NotFound, NotFound, NotFound, NotFound),
        ],
        ["charts/{year:int}/tren.png"] = [new($"/charts/{Year}/tren.png", FilesSignedIn), new("/charts/1999/tren.png", Unauthorized, NotFound, NotFound, NotFound, NotFound, NotFound)],
        ["charts/{year:int}/area.png"] = [new($"/charts/{Year}/area.png", FilesSignedIn)],
        ["charts/{year:int}/heatmap.png"] = [new($"/charts/{Year}/heatmap.png", FilesSignedIn)],
        ["charts/units/{kode}/{year:int}/radar.png"] =
        [
            new($"/charts/units/{ScopedUnit}/{Year}/radar.png", FilesSignedIn),
            new($"/charts/units/{SameInstansiUnit}/{Year}/radar.png", Unauthorized, Ok, Ok, Ok, Ok, NotFound),
            new($"/charts/units/{OtherUnit}/{Year}/radar.png", Unauthorized, Ok, Ok, Ok, NotFound, NotFound),
        ],
        ["charts/units/{kode}/tren.png"] =
        [
            new($"/charts/units/{ScopedUnit}/tren.png", FilesSignedIn),
            new($"/charts/units/{OtherUnit}/tren.png", Unauthorized, Ok, Ok, Ok, NotFound, NotFound),
        ],
    };

    [Fact]
    public void EveryRoute_HasARule()
    {
        var routes = web.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.True(Rules.ContainsKey(r), $"route '{r}' has no row in RouteRoleTests.Rules: say what each role gets"));
        Assert.All(Rules.Keys, r => Assert.Contains(r, routes));
    }

    [Fact]
    public async Task EveryRoute_AnswersEachRoleAsTheTableSays()
    {
        var run = await ReportRunAsync();
        var failures = new List<string>();
        foreach (var (user, column) in Who.Select((u, i) => (u, i)))
        {
            using var client = await web.ClientAsync(user);
            foreach (var (route, probes) in Rules)
            {
                foreach (var probe in probes)
                {
                    var path = probe.Path.Replace("{run}", run.Id, StringComparison.Ordinal).Replace("{file}", Uri.EscapeDataString(run.Downloads[0].Name), StringComparison.Ordinal);
                    var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                    var expected = probe.Expected.Length == 1 ? probe.Expected[0] : probe.Expected[column];
                    if ((int)response.StatusCode != expected)
                    {
                        failures.Add($"{user ?? "(signed out)"} GET {path} [{route}]: {(int)response.StatusCode}, expected {expected}");
                    }
                    if (expected == Redirect && route != "logout")
                    {
                        Assert.StartsWith("/login", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(Admin, HttpStatusCode.Redirect)]
    [InlineData(Analyst, HttpStatusCode.Redirect)]
    [InlineData(Viewer, HttpStatusCode.Forbidden)]
    [InlineData(UnitViewer, HttpStatusCode.Forbidden)]
    public async Task RenderingAReport_IsForAnalystsAndAdmins(string user, HttpStatusCode expected)
    {
        using var client = await web.ClientAsync(user);
        var token = await WebFixture.TokenAsync(client, "/");
        var response = await client.PostAsync("/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "candidates", ["Year"] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefused()
    {
        using var client = await web.ClientAsync(Admin);
        var response = await client.PostAsync("/reports", new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "candidates" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<ReportJob> ReportRunAsync()
    {
        var jobs = web.Factory.Services.GetRequiredService<ReportJobs>();
        var job = jobs.Start(ReportKinds.Find("candidates")!, Year, pdf: false, Admin);
        job = await jobs.WaitAsync(job.Id, TimeSpan.FromMinutes(2));
        Assert.True(job.Status == ReportJobStatus.Done, job.Error);
        return job;
    }
}
