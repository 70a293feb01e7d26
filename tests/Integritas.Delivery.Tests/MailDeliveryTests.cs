using Integritas.Delivery.History;
using Integritas.Delivery.Packets;

namespace Integritas.Delivery.Tests;

/// <summary>Packets mailed through a real SMTP server on the loopback and read back.</summary>
public sealed class MailDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(7));
    private readonly DeliveryBench _bench = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _bench.DisposeAsync();

    private const string Menteri = """
        [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Reports": [ "briefing", "candidates" ], "Pdf": false,
            "To": [ "menteri@kemendag.example.go.id", "sesjen@kemendag.example.go.id" ], "Cc": [ "itjen@kemendag.example.go.id" ] } ]
        """;

    [Fact]
    public async Task Run_MailsEachAddresseeOnce_WithAnIndonesianCoverAndThePacket_AndKeepsACopy()
    {
        var settings = _bench.Settings(Menteri);
        var runner = _bench.Runner(settings);

        var run = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("2026-11-23T07:00:00+07:00", run.Period);
        Assert.Equal(2024, run.Year);
        var received = await _bench.Smtp.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(["itjen@kemendag.example.go.id", "menteri@kemendag.example.go.id", "sesjen@kemendag.example.go.id"], received.SelectMany(r => r.Recipients).Order());
        var mail = received[0].Message;
        Assert.Equal("Paket laporan Zona Integritas 2024: 23 November 2026", mail.Subject);
        Assert.Equal(["menteri@kemendag.example.go.id", "sesjen@kemendag.example.go.id"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["itjen@kemendag.example.go.id"], mail.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("untuk periode Senin, 23 November 2026 pukul 07.00 WIB, tahun evaluasi 2024", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Bahan paparan pimpinan", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Daftar calon unit WBK/WBBM", mail.TextBody, StringComparison.Ordinal);
        var folder = _bench.File("output/menteri/2026-11-23_070000");
        var attached = mail.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).Order().ToList();
        Assert.Equal(run.Outputs.Select(o => Path.GetFileName(o.File)).Order(), attached);
        Assert.Contains("briefing-2024.docx", attached);
        Assert.All(run.Outputs, o => Assert.Equal(PacketBuilder.Describe("", o.File).Sha256, o.Sha256));
        Assert.All(run.Outputs, o => Assert.StartsWith(folder, o.File, StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder + ".partial"));
        Assert.All(run.Recipients, r => Assert.Equal(RecipientStatus.Sent, r.Status));
        Assert.NotNull(run.Fingerprint);
        Assert.Contains("lke-2024.csv", run.Sources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfSubscription_MailsThePacketAsOneConsolidatedPdf()
    {
        Assert.SkipUnless(Reports.Pdf.PdfConverter.Locate() is not null, "LibreOffice (soffice) is not on PATH; .ci/run installs libreoffice-writer-nogui.");
        Assert.SkipUnless(Reports.Pdf.PdfMerger.Available, "pdfunite/pdfinfo (poppler-utils) are not on PATH; .ci/run installs poppler-utils.");
        var settings = _bench.Settings("""
            [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Reports": [ "briefing", "candidates" ], "Pdf": true,
                "To": [ "menteri@kemendag.example.go.id" ] } ]
            """);
        var runner = _bench.Runner(settings);

        var run = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var mail = Assert.Single(await _bench.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Message;
        var pdf = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName?.EndsWith(".pdf", StringComparison.Ordinal) == true);
        using var bytes = new MemoryStream();
        pdf.Content!.DecodeTo(bytes, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes.ToArray()[..4]);
        Assert.Contains(run.Outputs, o => o.File.EndsWith(".pdf", StringComparison.Ordinal) && o.Sha256 == PacketBuilder.Describe("", o.File).Sha256);
    }

    [Fact]
    public async Task SamePeriodTwice_IsDeliveredOnce()
    {
        var settings = _bench.Settings(Menteri);
        var runner = _bench.Runner(settings);

        var first = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);
        var second = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(3, _bench.Smtp.Messages.Count);
        Assert.Single(runner.Store.List(new RunFilter("menteri")));
    }

    [Fact]
    public async Task StoppedSmtpServer_FailsTheRun_AndRetrySendsItAfterwards()
    {
        var settings = _bench.Settings(Menteri);
        var runner = _bench.Runner(settings);
        _bench.Smtp.Stop();

        var failed = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.StartsWith("3 of 3 addressee(s) did not get the packet: ", failed.Error, StringComparison.Ordinal);
        Assert.Contains($"the SMTP server 127.0.0.1:{_bench.Smtp.Port} could not be reached", failed.Error, StringComparison.Ordinal);
        Assert.All(failed.Recipients, r => Assert.Equal(RecipientStatus.Failed, r.Status));
        Assert.NotEmpty(failed.Outputs);

        _bench.Smtp.Start();
        var retried = await runner.RetryAsync(failed.Id, all: false, render: false, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, retried.Status);
        Assert.Equal(failed.Outputs, retried.Outputs);
        Assert.Equal(3, (await _bench.Smtp.WaitForAsync(3, TimeSpan.FromSeconds(10))).Count);
        Assert.Equal(RunTriggers.Retry, retried.Trigger);
    }

    [Fact]
    public async Task RefusedAddressee_FailsTheRun_AlertsAlertTo_AndRetrySendsOnlyToThoseWithout()
    {
        var settings = _bench.Settings(Menteri, "\"AlertTo\": [ \"operator@itjen.example.go.id\" ]");
        var runner = _bench.Runner(settings);
        _bench.Smtp.Refused.Add("sesjen@kemendag.example.go.id");

        var failed = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(RecipientStatus.Failed, failed.Recipients.Single(r => r.Address == "sesjen@kemendag.example.go.id").Status);
        Assert.Contains("sesjen@kemendag.example.go.id: refused by the SMTP server", failed.Error, StringComparison.Ordinal);
        var received = await _bench.Smtp.WaitForAsync(3, TimeSpan.FromSeconds(10));
        var alert = Assert.Single(received, r => r.Recipients.Contains("operator@itjen.example.go.id"));
        Assert.Equal("[zi] Pengiriman gagal: menteri 2026-11-23T07:00:00+07:00", alert.Message.Subject);
        Assert.Contains($"zi runs retry {failed.Id}", alert.Message.TextBody, StringComparison.Ordinal);

        _bench.Smtp.Refused.Clear();
        var retried = await runner.RetryAsync(failed.Id, all: false, render: false, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, retried.Status);
        var packets = _bench.Smtp.Messages.Where(m => !m.Recipients.Contains("operator@itjen.example.go.id")).SelectMany(m => m.Recipients).ToList();
        Assert.Equal(["itjen@kemendag.example.go.id", "menteri@kemendag.example.go.id", "sesjen@kemendag.example.go.id"], packets.Order());
    }

    [Fact]
    public async Task PacketOverTheAttachmentLimit_IsNotAttached_TheMailSaysWhereItIs()
    {
        var settings = _bench.Settings(Menteri.Replace("\"Pdf\": false,", "\"Pdf\": false, \"Reports\": [ \"briefing\" ],", StringComparison.Ordinal).Replace("\"Reports\": [ \"briefing\", \"candidates\" ], ", "", StringComparison.Ordinal),
            smtp: ", \"MaxAttachmentMb\": 0.01");
        var runner = _bench.Runner(settings);

        var run = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var mail = (await _bench.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Message;
        Assert.Empty(mail.Attachments);
        Assert.Contains("melebihi batas lampiran", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(_bench.File("output/menteri/2026-11-23_070000")), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLeftRunning_IsCarriedOn_WithoutMailingThoseWhoGotItAgain()
    {
        var settings = _bench.Settings(Menteri);
        var runner = _bench.Runner(settings);
        var done = await runner.RunAsync(settings.Find("menteri"), Monday, RunTriggers.Schedule, TestContext.Current.CancellationToken);
        // What a kill -9 after the first mail leaves: the run running, one addressee sent, the others pending.
        runner.Store.Reopen(done.Id, RunTriggers.Schedule, "2026-11-23T07:00:05.000+07:00");
        runner.Store.MarkRecipient(done.Id, "", "sesjen@kemendag.example.go.id", RecipientStatus.Pending, null, "2026-11-23T07:00:05.000+07:00");
        runner.Store.MarkRecipient(done.Id, "", "itjen@kemendag.example.go.id", RecipientStatus.Pending, null, "2026-11-23T07:00:05.000+07:00");
        var before = _bench.Smtp.Messages.Count;

        var resumed = await _bench.Runner(settings).ResumeAsync(done.Id, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        var again = (await _bench.Smtp.WaitForAsync(before + 2, TimeSpan.FromSeconds(10))).Skip(before).SelectMany(m => m.Recipients).Order();
        Assert.Equal(["itjen@kemendag.example.go.id", "sesjen@kemendag.example.go.id"], again);
        Assert.Equal(done.Outputs, resumed.Outputs);
    }
}
