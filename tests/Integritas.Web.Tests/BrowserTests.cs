using System.Diagnostics;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Queries;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using static Integritas.Web.Tests.Accounts;

namespace Integritas.Web.Tests;

/// <summary>
/// <c>zi serve</c>'s app on a loopback port (Kestrel, as in production) over its own sample database, and the
/// distribution's headless Chromium driven through its chromedriver. Screenshots go to <c>screenshots/</c> in the
/// test output folder.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    private Microsoft.AspNetCore.Builder.WebApplication? _app;

    public WebFixture Web { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public string Downloads { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "downloads");

    public static string? Missing => !File.Exists(Chromium) ? Chromium : !File.Exists(ChromeDriver) ? ChromeDriver : null;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        Directory.CreateDirectory(Downloads);
        var options = Web.Options;
        options.Urls = "http://127.0.0.1:0";
        _app = WebApp.Build(options, RuleCatalog.Default, TimeProvider.System, AppContext.BaseDirectory);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public ChromeDriver Browser()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900", "--lang=id-ID", "--force-device-scale-factor=1");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Web.Dispose();
    }
}

/// <summary>Sign in, the dashboard, a unit, an upload with a bad row, a report download — in a real browser.</summary>
public sealed class BrowserTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static void SkipWithoutBrowser()
    {
        if (BrowserFixture.Missing is { } missing)
        {
            Assert.Skip($"{missing} is not installed (apt-get install chromium chromium-driver; .ci/run installs them).");
        }
    }

    private void SignIn(ChromeDriver browser, string user)
    {
        browser.Navigate().GoToUrl(site.BaseUrl + "/login");
        browser.FindElement(By.Name("username")).SendKeys(user);
        browser.FindElement(By.Name("password")).SendKeys(Password);
        browser.FindElement(By.CssSelector("form.form button[type=submit]")).Click();
        new WebDriverWait(browser, Wait).Until(b => b.Url.TrimEnd('/') == site.BaseUrl.TrimEnd('/') || !b.Url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>The whole page (the window made as tall as the page, up to 6000 px), written to the screenshots folder.</summary>
    private string Screenshot(ChromeDriver browser, string name)
    {
        var height = Convert.ToInt32(browser.ExecuteScript("return Math.min(6000, document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        browser.Manage().Window.Size = new System.Drawing.Size(1366, Math.Max(900, height));
        var path = Path.Combine(site.Screenshots, name + ".png");
        browser.GetScreenshot().SaveAsFile(path);
        browser.Manage().Window.Size = new System.Drawing.Size(1366, 1000);
        // The same page in screen-sized parts too, readable at full size.
        for (var (top, part) = (0, 1); top < height && part <= 6; top += 1000, part++)
        {
            browser.ExecuteScript($"window.scrollTo(0, {top});");
            browser.GetScreenshot().SaveAsFile(Path.Combine(site.Screenshots, $"{name}-bagian{part}.png"));
        }
        browser.Manage().Window.Size = new System.Drawing.Size(1366, 900);
        TestContext.Current.TestOutputHelper?.WriteLine("screenshot: " + path);
        return path;
    }

    private static void ImagesLoaded(ChromeDriver browser)
    {
        new WebDriverWait(browser, Wait).Until(b => ((IJavaScriptExecutor)b).ExecuteScript("return Array.from(document.images).every(i => i.complete);") is true);
        var broken = browser.ExecuteScript("return Array.from(document.images).filter(i => i.naturalWidth === 0).length;");
        Assert.Equal(0L, broken);
    }

    [Fact]
    public void SignIn_Dashboard_Units_AndAUnit()
    {
        SkipWithoutBrowser();
        using var browser = site.Browser();
        browser.Navigate().GoToUrl(site.BaseUrl + "/units");
        Assert.Contains("/login", browser.Url, StringComparison.Ordinal);
        Screenshot(browser, "01-login");

        SignIn(browser, Admin);
        Assert.Contains("Kesiapan Zona Integritas 2025", browser.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        Assert.Equal(4, browser.FindElements(By.CssSelector(".cards .card")).Count);
        ImagesLoaded(browser);
        Screenshot(browser, "02-dasbor");

        browser.FindElement(By.LinkText("Unit kerja")).Click();
        browser.FindElement(By.LinkText("Total")).Click();
        new WebDriverWait(browser, Wait).Until(b => b.Url.Contains("sort=total", StringComparison.Ordinal));
        Assert.True(browser.FindElements(By.CssSelector("#units tbody tr")).Count >= 30);
        Screenshot(browser, "03-unit-kerja");

        browser.FindElement(By.LinkText(ScopedUnit)).Click();
        new WebDriverWait(browser, Wait).Until(b => b.FindElements(By.CssSelector("table.criteria")).Count > 0);
        Assert.Contains(ScopedUnit, browser.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("table.criteria tbody tr")));
        ImagesLoaded(browser);
        Screenshot(browser, "04-unit-" + ScopedUnit);

        browser.Navigate().GoToUrl(site.BaseUrl + "/candidates?year=2025");
        Screenshot(browser, "05-kandidat");
    }

    [Fact]
    public void UnitViewer_GetsNotFoundForAnotherUnit()
    {
        SkipWithoutBrowser();
        using var browser = site.Browser();
        SignIn(browser, UnitViewer);
        browser.Navigate().GoToUrl(site.BaseUrl + $"/units/{OtherUnit}?year=2025");
        Assert.Contains("tidak ditemukan", browser.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        Screenshot(browser, "06-unit-lain-404");
    }

    [Fact]
    public void UploadWithABadRow_ShowsTheLine_AndLandsNothing()
    {
        SkipWithoutBrowser();
        var file = site.Web.File("2026_bps-rusak.csv");
        File.WriteAllBytes(file, UploadTests.Lke2026(badLine: 40));
        using var browser = site.Browser();
        SignIn(browser, Analyst);
        browser.Navigate().GoToUrl(site.BaseUrl + "/upload");
        browser.FindElement(By.Id("files")).SendKeys(file);
        browser.FindElement(By.Id("upload-button")).Click();
        var result = new WebDriverWait(browser, Wait).Until(b => b.FindElements(By.Id("result")).FirstOrDefault());

        var row = result!.FindElement(By.CssSelector("tr.error-row"));
        Assert.Equal("40", row.FindElement(By.CssSelector("td[data-line]")).Text);
        Assert.Contains("Mungkin", row.Text, StringComparison.Ordinal);
        Assert.Contains("tidak ada isi berkas ini yang disimpan", result.Text, StringComparison.Ordinal);
        Screenshot(browser, "07-unggah-baris-salah");
        using var connection = new ZiDatabase(site.Web.Database, TimeProvider.System).OpenRead();
        Assert.DoesNotContain(2026, ScoreQueries.Years(connection));
    }

    [Fact]
    public void ReportRender_AndDownload()
    {
        SkipWithoutBrowser();
        using var browser = site.Browser();
        SignIn(browser, Analyst);
        browser.Navigate().GoToUrl(site.BaseUrl + "/reports");
        browser.FindElement(By.CssSelector("input[name=Kind][value=candidates]")).Click();
        Screenshot(browser, "08-laporan");
        browser.FindElement(By.CssSelector("#render-form button[type=submit]")).Click();
        var links = new WebDriverWait(browser, TimeSpan.FromMinutes(3)).Until(b => b.FindElements(By.CssSelector("#downloads a")).Count > 0 ? b.FindElements(By.CssSelector("#downloads a")) : null);
        Screenshot(browser, "09-laporan-selesai");
        var docx = links!.First(l => l.Text.EndsWith(".docx", StringComparison.Ordinal));
        var name = docx.Text;
        File.Delete(Path.Combine(site.Downloads, name));
        docx.Click();
        var downloaded = Path.Combine(site.Downloads, name);
        var timer = Stopwatch.StartNew();
        while (!File.Exists(downloaded) && timer.Elapsed < Wait)
        {
            Thread.Sleep(100);
        }
        Assert.True(File.Exists(downloaded), $"{name} was not downloaded to {site.Downloads}");
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(downloaded)[..2]);
    }
}
