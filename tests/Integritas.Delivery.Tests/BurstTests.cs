using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Integritas.Delivery.History;
using Integritas.Store;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Delivery.Tests;

/// <summary>
/// Bursted subscriptions over the sample LKEs of three instansi: one packet per unit or instansi, each sent to its own
/// addressees from the recipients files, and no packet — documents, sheets, data, PDF, mail — naming another unit.
/// </summary>
public sealed partial class BurstTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(7));
    private readonly DeliveryBench _bench = new();

    public ValueTask InitializeAsync()
    {
        _bench.Ingest(Repository.PathOf("data-samples", "lke", "2024-bps.csv"), Repository.PathOf("data-samples", "lke", "2024-kemenag.csv"),
            Repository.PathOf("data-samples", "lke", "2024-esdm.csv"), Repository.PathOf("data-samples", "target.csv"), Repository.PathOf("data-samples", "predikat.csv"),
            Repository.PathOf("data-samples", "penerima-unit.csv"), Repository.PathOf("data-samples", "penerima-instansi.csv"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    /// <summary>Every unit in the database: code, name, instansi.</summary>
    private IReadOnlyList<(string Code, string Name, string Instansi)> Units()
    {
        using var connection = new ZiDatabase(_bench.File("zi.duckdb"), _bench.Clock).OpenRead();
        return [.. connection.Query("SELECT DISTINCT unit_id, unit_name, instansi FROM submission ORDER BY unit_id").Select(r => (r.GetString(0), r.GetString(1), r.GetString(2)))];
    }

    [Fact]
    public async Task BurstPerUnit_SendsEachUnitItsOwnPacket_ThatNamesNoOtherUnit()
    {
        var settings = _bench.Settings("""
            [ { "Name": "rapor-unit", "Schedule": "0 0 7 ? * MON", "Reports": [ "briefing", "scorecards", "candidates" ], "Pdf": false, "Burst": "unit",
                "Scope": { "Units": [ "BPS-01", "BPS-02", "KEMENAG-01" ] } } ]
            """);

        var run = await _bench.Runner(settings).RunAsync(settings.Find("rapor-unit"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["BPS-01", "BPS-02", "KEMENAG-01"], run.Outputs.Select(o => o.Packet).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["BPS-01 kepala@bps-jatim.example.go.id sent", "BPS-01 zi@bps-jatim.example.go.id sent", "BPS-02 kepala@bps-batam.example.go.id sent", "KEMENAG-01 kepala@kemenag-bandung.example.go.id sent"],
            run.Recipients.Select(r => $"{r.Packet} {r.Address} {RunStore.Text(r.Status)}").Order(StringComparer.Ordinal));
        var received = await _bench.Smtp.WaitForAsync(4, TimeSpan.FromSeconds(10));
        Assert.Equal(4, received.Count);
        var units = Units();
        foreach (var packet in new[] { "BPS-01", "BPS-02", "KEMENAG-01" })
        {
            var own = units.Single(u => u.Code == packet);
            var folder = _bench.File($"output/rapor-unit/2026-11-23_070000/{packet}");
            var mails = received.Where(m => (m.Message.Subject ?? "").Contains(own.Code, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(mails);
            Assert.Contains(own.Name, Text(folder), StringComparison.Ordinal);
            AssertNoOther(units.Where(u => u.Code != packet).SelectMany(u => new[] { u.Code, u.Name }), [own.Code, own.Name, own.Instansi],
                Text(folder) + string.Concat(mails.Select(MailText)), packet);
        }
    }

    [Fact]
    public async Task BurstPerInstansi_SendsEachInstansiItsOwnUnitsOnly()
    {
        var settings = _bench.Settings("""
            [ { "Name": "itjen", "Schedule": "0 0 7 ? * MON", "Reports": [ "briefing", "annual" ], "Pdf": false, "Burst": "instansi",
                "Scope": { "Instansi": [ "Badan Pusat Statistik", "kementerian agama" ] }, "Cc": [ "arsip@itjen.example.go.id" ] } ]
            """);

        var run = await _bench.Runner(settings).RunAsync(settings.Find("itjen"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["badan-pusat-statistik", "kementerian-agama"], run.Outputs.Select(o => o.Packet).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["badan-pusat-statistik arsip@itjen.example.go.id", "badan-pusat-statistik inspektorat@bps.example.go.id", "kementerian-agama arsip@itjen.example.go.id", "kementerian-agama itjen@kemenag.example.go.id"],
            run.Recipients.Select(r => $"{r.Packet} {r.Address}").Order(StringComparer.Ordinal));
        var received = await _bench.Smtp.WaitForAsync(4, TimeSpan.FromSeconds(10));
        var units = Units();
        foreach (var (packet, instansi) in new[] { ("badan-pusat-statistik", "Badan Pusat Statistik"), ("kementerian-agama", "Kementerian Agama") })
        {
            var folder = _bench.File($"output/itjen/2026-11-23_070000/{packet}");
            var text = Text(folder) + string.Concat(received.Where(m => (m.Message.Subject ?? "").Contains(instansi, StringComparison.Ordinal)).Select(MailText));
            var mine = units.Where(u => u.Instansi == instansi).ToList();
            Assert.All(mine, u => Assert.Contains(u.Code, text, StringComparison.Ordinal));
            AssertNoOther(units.Where(u => u.Instansi != instansi).SelectMany(u => new[] { u.Code, u.Name, u.Instansi }).Distinct(),
                [instansi, .. mine.SelectMany(u => new[] { u.Code, u.Name })], text, packet);
        }
    }

    [Fact]
    public async Task BurstPerUnit_AsPdf_HoldsOnlyItsUnit()
    {
        Assert.SkipUnless(Reports.Pdf.PdfConverter.Locate() is not null, "LibreOffice (soffice) is not on PATH; .ci/run installs libreoffice-writer-nogui.");
        Assert.SkipUnless(Reports.Pdf.PdfMerger.Available, "pdfunite/pdftotext (poppler-utils) are not on PATH; .ci/run installs poppler-utils.");
        var settings = _bench.Settings("""
            [ { "Name": "rapor-pdf", "Schedule": "0 0 7 ? * MON", "Reports": [ "scorecards" ], "Pdf": true, "Burst": "unit", "Scope": { "Units": [ "BPS-02", "ESDM-01" ] } } ]
            """);

        var run = await _bench.Runner(settings).RunAsync(settings.Find("rapor-pdf"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var units = Units();
        foreach (var output in run.Outputs)
        {
            Assert.EndsWith(".pdf", output.File, StringComparison.Ordinal);
            var own = units.Single(u => u.Code == output.Packet);
            var text = PdfText(output.File);
            Assert.Contains(own.Code, text, StringComparison.Ordinal);
            AssertNoOther(units.Where(u => u.Code != own.Code).SelectMany(u => new[] { u.Code, u.Name }), [own.Code, own.Name, own.Instansi], text, output.Packet);
        }
    }

    [Fact]
    public async Task BurstedPacketWithoutRecipients_FailsTheRun_NamingIt_AndRetrySendsItOnceTheyAreIngested()
    {
        var settings = _bench.Settings("""
            [ { "Name": "rapor-unit", "Schedule": "0 0 7 ? * MON", "Reports": [ "scorecards" ], "Pdf": false, "Burst": "unit", "Scope": { "Units": [ "BPS-01", "BPS-03" ] } } ]
            """);
        var runner = _bench.Runner(settings);

        var failed = await runner.RunAsync(settings.Find("rapor-unit"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.StartsWith("1 packet(s) have no recipients in the recipients file", failed.Error, StringComparison.Ordinal);
        Assert.Contains("BPS-03 BPS Kabupaten Sleman", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await _bench.Smtp.WaitForAsync(2, TimeSpan.FromSeconds(10))).Count);

        _bench.Ingest(_bench.Write("penerima-sleman.csv", "kode_unit,email\nBPS-03,kepala@bps-sleman.example.go.id\n"));
        var retried = await runner.RetryAsync(failed.Id, all: false, render: false, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, retried.Status);
        var received = await _bench.Smtp.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(["kepala@bps-jatim.example.go.id", "kepala@bps-sleman.example.go.id", "zi@bps-jatim.example.go.id"], received.SelectMany(r => r.Recipients).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scope_OnAConnection_HidesEveryOtherUnitsRows()
    {
        using var connection = new ZiDatabase(_bench.File("zi.duckdb"), _bench.Clock).OpenRead();
        var all = connection.Scalar<long>("SELECT count(*) FROM answer");
        new DataScope([], ["bps-02"]).Apply(connection);

        Assert.Equal(["BPS-02"], connection.Query("SELECT DISTINCT unit_id FROM submission").Select(r => r.GetString(0)));
        Assert.InRange(connection.Scalar<long>("SELECT count(*) FROM answer"), 1, all / 10);
        Assert.Equal(0, connection.Scalar<long>("SELECT count(*) FROM predicate WHERE unit_id <> 'BPS-02'"));
        Assert.Equal(["Badan Pusat Statistik"], connection.Query("SELECT DISTINCT instansi FROM target").Select(r => r.GetString(0)));
        Assert.DoesNotContain(connection.Query("SELECT file_name FROM source_file").Select(r => r.GetString(0)), f => f.Contains("kemenag", StringComparison.Ordinal));
    }

    [Fact]
    public void RecipientsFile_WithBadRows_IsRejected_NamingFileLineColumnValue_AndChangesNothing()
    {
        var file = _bench.Write("penerima-salah.csv", "kode_unit,email\nBPS-01,kepala-at-bps.example.go.id\n,zi@bps.example.go.id\nBPS-02,kepala@bps-batam.example.go.id\nBPS-02,kepala@bps-batam.example.go.id\n");
        var outcome = Assert.Single(new Store.Ingest.IngestService(Domain.Rules.RuleCatalog.Default, _bench.Clock).Ingest(new ZiDatabase(_bench.File("zi.duckdb"), _bench.Clock), [file]));

        Assert.Equal(Store.Ingest.FileStatus.Rejected, outcome.Status);
        Assert.Equal(
            ["penerima-salah.csv:2: column 'email', value 'kepala-at-bps.example.go.id': not an e-mail address (name@example.go.id)",
             "penerima-salah.csv:3: column 'kode_unit', value '': the unit code is required",
             "penerima-salah.csv:5: column 'email', value 'kepala@bps-batam.example.go.id': BPS-02 has kepala@bps-batam.example.go.id already on line 4"],
            outcome.Errors.Select(e => e.ToString()));
        using var connection = new ZiDatabase(_bench.File("zi.duckdb"), _bench.Clock).OpenRead();
        Assert.Equal(["kepala@bps-batam.example.go.id"], DataScope.Recipients(connection, new ScopeSubject("unit", "bps-02", "")));
    }

    private static void AssertNoOther(IEnumerable<string> others, IReadOnlyList<string> own, string text, string packet)
    {
        // A name that is part of the packet's own names (a unit "Kantor Kemenag Kota Batam" vs "Batam") cannot be told apart.
        var checkable = others.Distinct().Where(o => o.Length >= 5 && !own.Any(m => m.Contains(o, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(checkable);
        var leaks = checkable.Where(o => text.Contains(o, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"packet {packet} names other units: {string.Join(", ", leaks)}");
    }

    /// <summary>The text of every file of a packet folder: Word and Excel parts without their markup, data as written.</summary>
    private static string Text(string folder)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            switch (Path.GetExtension(file))
            {
                case ".docx" or ".xlsx":
                    using (var zip = ZipFile.OpenRead(file))
                    {
                        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                        {
                            using var reader = new StreamReader(entry.Open());
                            text.Append(WebUtility.HtmlDecode(Markup().Replace(reader.ReadToEnd(), ""))).Append('\n');
                        }
                    }
                    break;
                case ".json" or ".csv" or ".txt":
                    text.Append(File.ReadAllText(file)).Append('\n');
                    break;
                case ".pdf":
                    text.Append(PdfText(file));
                    break;
            }
        }
        return text.ToString();
    }

    private static string MailText(Received mail) =>
        mail.Message.Subject + "\n" + mail.Message.TextBody + "\n" + string.Join("\n", mail.Message.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName));

    private static string PdfText(string pdf)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        return Regex.Replace(text, @"\s+", " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();
}
