using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Integritas.Store;
using Integritas.Store.Queries;
using static Integritas.Web.Tests.Accounts;

namespace Integritas.Web.Tests;

/// <summary>Its own database: uploads change it.</summary>
public sealed class UploadFixture : IDisposable
{
    public WebFixture Web { get; } = new();

    public void Dispose() => Web.Dispose();
}

/// <summary>Uploads land through the ingest path: a bad row rejects the file with its line, column and value, and nothing of it lands.</summary>
public sealed class UploadTests(UploadFixture fixture) : IClassFixture<UploadFixture>
{
    private WebFixture Web => fixture.Web;

    /// <summary>The 2025 BPS sample moved to 2026 (a year the database lacks), with one answer spoilt when <paramref name="badLine"/> is given.</summary>
    public static byte[] Lke2026(int? badLine)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data-samples", "lke", "2025-bps.csv"), Encoding.UTF8)
            .Select((l, i) => i == 0 ? l : "2026" + l[4..]).ToArray();
        if (badLine is { } n)
        {
            var cells = lines[n - 1].Split(',');
            cells[^1] = "Mungkin";
            lines[n - 1] = string.Join(',', cells);
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    private async Task<(HttpStatusCode Status, string Html)> UploadAsync(string user, params (string Name, byte[] Content)[] files)
    {
        using var client = await Web.ClientAsync(user);
        var token = await WebFixture.TokenAsync(client, "/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Files", name);
        }
        var response = await client.PostAsync("/upload", form, TestContext.Current.CancellationToken);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private IReadOnlyList<int> Years()
    {
        using var connection = new ZiDatabase(Web.Database, TimeProvider.System).OpenRead();
        return ScoreQueries.Years(connection);
    }

    private List<string> Kept() =>
        Directory.Exists(Web.Options.UploadsPath) ? [.. Directory.EnumerateFiles(Web.Options.UploadsPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public async Task BadRow_IsShownWithItsLine_AndNothingLands()
    {
        // The tests of this class share one database and run in any order: another may already have landed 2026.
        var yearsBefore = Years();
        var keptBefore = Kept();
        var (status, html) = await UploadAsync(Analyst, ("2026-bps.csv", Lke2026(badLine: 40)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Ditolak:", html, StringComparison.Ordinal);
        Assert.Contains("data-line=\"40\"", html, StringComparison.Ordinal);
        Assert.Contains("Mungkin", html, StringComparison.Ordinal);
        Assert.Equal(yearsBefore, Years());
        Assert.Equal(keptBefore, Kept());
    }

    [Fact]
    public async Task GoodAndBadFiles_EachLandWholeOrNot_AndTheGoodOneIsKeptForLineage()
    {
        var (status, html) = await UploadAsync(Admin, ("2026-bps.csv", Lke2026(null)), ("../../etc/2026-bps-rusak.csv", Lke2026(badLine: 12)), ("catatan.docx", [0x50, 0x4B, 3, 4]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("data-file=\"2026-bps.csv\" data-status=\"accepted\"", html, StringComparison.Ordinal);
        Assert.Contains("data-file=\"2026-bps-rusak.csv\" data-status=\"rejected\"", html, StringComparison.Ordinal);
        Assert.Contains("data-file=\"catatan.docx\" data-status=\"rejected\"", html, StringComparison.Ordinal);
        Assert.Contains(2026, Years());
        var kept = Directory.EnumerateFiles(Web.Options.UploadsPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Equal(["2026-bps.csv"], kept);
    }

    [Fact]
    public async Task FileNamedCsvButBinary_IsRefusedByTheIngestSniffing()
    {
        var (status, html) = await UploadAsync(Analyst, ("2026-bps.csv", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not CSV text", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadOverTheLimit_IsRefusedBeforeAnythingIsStored()
    {
        var big = new byte[(Web.Options.MaxUploadMegabytes * 1024 * 1024) + 10];
        var (status, _) = await UploadAsync(Analyst, ("2026-besar.csv", big));

        Assert.True(status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, status.ToString());
        Assert.Empty(Directory.Exists(Web.Options.UploadsPath) ? Directory.EnumerateFiles(Web.Options.UploadsPath, "*2026-besar*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task BusyDatabase_IsAClearMessageOnThePage()
    {
        // Another process writes the database: 'zi ingest' of a large file (whose last row is bad, so nothing lands).
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data-samples", "lke", "2025-bps.csv"), Encoding.UTF8);
        var big = Web.File("2027-besar.csv");
        await File.WriteAllLinesAsync(big, [rows[0], .. Enumerable.Range(0, 300).SelectMany(copy => rows.Skip(1).Select(r => "2027" + r[4..].Replace(",BPS-", $",B{copy:000}-", StringComparison.Ordinal))), "2027,X"],
            TestContext.Current.CancellationToken);
        using var client = await Web.ClientAsync(Analyst);
        using var writer = new System.Diagnostics.Process
        {
            StartInfo = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "zi.dll"), "ingest", "--db", Web.Database, big]) { RedirectStandardOutput = true, RedirectStandardError = true },
        };
        writer.Start();
        try
        {
            var probe = new ZiDatabase(Web.Database, TimeProvider.System) { BusyTimeout = TimeSpan.Zero };
            var held = false;
            for (var i = 0; i < 200 && !held && !writer.HasExited; i++)
            {
                try
                {
                    probe.OpenRead().Dispose();
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }
                catch (DatabaseBusyException)
                {
                    held = true;
                }
            }
            Assert.True(held, "the writer never held the database");
            var response = await client.GetAsync("/units", TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Basis data sedang dipakai", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/candidates\"", html, StringComparison.Ordinal); // the app's layout and navigation, not an error page
        }
        finally
        {
            if (!writer.HasExited)
            {
                await writer.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/units", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(2027, Years());
    }
}
