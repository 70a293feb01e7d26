using System.Net;
using System.Text.RegularExpressions;
using Integritas.TestSupport;

namespace Integritas.Web.Tests;

/// <summary><c>zi demo</c> says how to open the web app and creates a demo account with a random password, printed once.</summary>
public sealed partial class DemoAccountTests
{
    [Fact]
    public async Task Demo_PrintsHowToServe_AndADemoAccountThatSignsIn_WithANewPasswordEachRun()
    {
        using var dir = new TempDirectory();
        var samples = Path.Combine(dir.Path, "samples");
        Directory.CreateDirectory(samples);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data-samples", "lke", "2025-bps.csv"), Path.Combine(samples, "2025-bps.csv"));
        var output = Path.Combine(dir.Path, "demo");

        var first = WebFixture.Zi(null, "demo", "--out", output, "--samples", samples);
        Assert.True(first.Code == 0, first.Error);
        Assert.Contains($"zi serve --db {Path.Combine(output, "zi.duckdb")}", first.Out, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080", first.Out, StringComparison.Ordinal);
        var password = Password().Match(first.Out).Groups[1].Value;
        Assert.Equal(16, password.Length);

        var second = WebFixture.Zi(null, "demo", "--out", output, "--samples", samples);
        var again = Password().Match(second.Out).Groups[1].Value;
        Assert.NotEqual(password, again);

        var options = new WebOptions { Database = Path.Combine(output, "zi.duckdb"), Templates = Path.Combine(AppContext.BaseDirectory, "templates") };
        await using var factory = new ZiWebFactory(options);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebFixture.SignInAsync(client, "demo", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInAsync(client, "demo", again)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/units", TestContext.Current.CancellationToken)).StatusCode);
    }

    [GeneratedRegex("sign in as 'demo' \\(admin\\) with password (\\S+)")]
    private static partial Regex Password();
}
