using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Integritas.Documents;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>Word to PDF through LibreOffice: a real run where soffice is installed, and its failures through stand-in scripts.</summary>
public sealed class PdfConverterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Document(string name = "laporan.docx") => _dir.Write(name, WordFile.Create(WordFile.P("Laporan")));

    /// <summary>A shell script standing in for soffice.</summary>
    private string FakeSoffice(string body)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the stand-in for soffice is a shell script");
        var path = _dir.Write("fake-soffice", "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Fact]
    public async Task Convert_TwoRenderedDocuments_WritesAPdfWithPagesForEachInOneRun()
    {
        Assert.SkipWhen(PdfConverter.Locate() is null, LibreOffice.Missing);
        var template = DocxTemplate.Load(WordFile.Create(WordFile.P("Laporan {{unit}}")
            + WordFile.Table(["No", "Unit", "Nilai"], ["{{#each rows}}{{@no}}", "{{name}}", "{{score | number:2}}{{/each}}"])));
        var options = new RenderOptions { Culture = Domain.Formatting.Formats.Indonesian };
        var first = _dir.Write("a.docx", template.Render(JsonNode.Parse("""{"unit": "A", "rows": [{"name": "Satu", "score": 81.5}]}"""), options));
        var second = _dir.Write("b.docx", template.Render(JsonNode.Parse("""{"unit": "B", "rows": [{"name": "Dua", "score": 70}]}"""), options));

        var pdfs = await new PdfConverter().ConvertAsync([first, second], _dir.File("pdf"), Cancel);

        Assert.Equal([_dir.File("pdf/a.pdf"), _dir.File("pdf/b.pdf")], pdfs);
        Assert.All(pdfs, pdf => Assert.True(PdfMerger.PageCount(pdf) > 0));
    }

    [Theory]
    [InlineData("/nonexistent/soffice")]
    [InlineData("zi-no-such-soffice")]
    public async Task Convert_SofficeMissing_SaysWhatToInstall(string executable)
    {
        var document = Document();

        var error = await Assert.ThrowsAsync<PdfException>(() => new PdfConverter(new PdfConverterOptions { Executable = executable }).ConvertAsync(document, Cancel));

        Assert.Contains("install libreoffice-writer-nogui", error.Message, StringComparison.Ordinal);
        Assert.Contains("laporan.docx", error.Message, StringComparison.Ordinal);
        Assert.Equal(document, error.File);
    }

    [Fact]
    public async Task Convert_LibreOfficeFails_NamesTheFileExitCodeAndItsStandardError()
    {
        var soffice = FakeSoffice("echo 'Error: source file could not be loaded' >&2\nexit 3");
        var document = Document();

        var error = await Assert.ThrowsAsync<PdfException>(() => new PdfConverter(new PdfConverterOptions { Executable = soffice }).ConvertAsync(document, Cancel));

        Assert.Equal((document, 3, "Error: source file could not be loaded"), (error.File, error.ExitCode, error.StandardError));
        Assert.Equal($"LibreOffice could not turn {document} into PDF (exit code 3): Error: source file could not be loaded", error.Message);
    }

    [Fact]
    public async Task Convert_LibreOfficeExitsWithoutWritingThePdf_IsAFailure()
    {
        var soffice = FakeSoffice("exit 0");
        var document = Document();

        var error = await Assert.ThrowsAsync<PdfException>(() => new PdfConverter(new PdfConverterOptions { Executable = soffice }).ConvertAsync(document, Cancel));

        Assert.StartsWith($"LibreOffice wrote no PDF for {document} (exit code 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_PastTheTimeout_StopsLibreOfficeAndWhatItStarted()
    {
        var childPid = _dir.File("child.pid");
        var soffice = FakeSoffice($"sleep 60 &\necho $! > '{childPid}'\nwait");
        var document = Document();
        var converter = new PdfConverter(new PdfConverterOptions { Executable = soffice, Timeout = TimeSpan.FromSeconds(1) });
        var timer = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PdfException>(() => converter.ConvertAsync(document, Cancel));

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(15), $"took {timer.Elapsed}");
        Assert.StartsWith($"LibreOffice did not finish turning {document} into PDF within 1 s and was stopped", error.Message, StringComparison.Ordinal);
        Assert.True(Stopped(int.Parse(File.ReadAllText(childPid).Trim(), CultureInfo.InvariantCulture)), "the process soffice started is still running");
    }

    [Fact]
    public async Task Convert_OnLinux_HandsLibreOfficeAFontconfigWithTheShippedFonts()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "LibreOffice finds fonts through fontconfig on Linux");
        var seen = _dir.File("fonts-seen.conf");
        var soffice = FakeSoffice($"cat \"$FONTCONFIG_FILE\" > '{seen}'\nexit 3");

        await Assert.ThrowsAsync<PdfException>(() => new PdfConverter(new PdfConverterOptions { Executable = soffice, HostFontConfiguration = "/etc/zi-host/fonts.conf" }).ConvertAsync(Document(), Cancel));

        var configuration = File.ReadAllText(seen);
        Assert.Contains("<include ignore_missing=\"yes\">/etc/zi-host/fonts.conf</include>", configuration, StringComparison.Ordinal);
        Assert.Contains($"<dir>{ShippedFonts.Default.Folder}</dir>", configuration, StringComparison.Ordinal);
        Assert.All(ShippedFonts.Default.Files, f => Assert.Contains($"<string>{f}</string>", configuration, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Convert_TwoDocumentsOfOneName_IsRefusedBeforeRunning()
    {
        var first = _dir.Write("a/laporan.docx", WordFile.Create(WordFile.P("a")));
        var second = _dir.Write("b/laporan.docx", WordFile.Create(WordFile.P("b")));

        await Assert.ThrowsAsync<ArgumentException>(() => new PdfConverter().ConvertAsync([first, second], _dir.Path, Cancel));
    }

    private static void SkipWithoutFontconfig() =>
        Assert.SkipUnless(PdfConverter.Locate("fc-list") is not null && PdfConverter.Locate("fc-match") is not null, "fc-list/fc-match (fontconfig) are not on PATH; install fontconfig to run this test.");

    /// <summary>A template whose text is set in <paramref name="font"/>.</summary>
    private string TemplateIn(string font) =>
        _dir.Write("templat.docx", WordFile.Create(WordFile.P($"<w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/></w:rPr><w:t>Laporan 88,18</w:t></w:r>")));

    [Fact]
    public void MissingFonts_AFontNeitherShippedNorInstalled_NamesItTheTemplateAndWhatStandsIn()
    {
        SkipWithoutFontconfig();
        var template = TemplateIn("Zi Tiada Sans");

        var missing = Assert.Single(new PdfConverter().MissingFonts([template]));

        Assert.Equal((template, "Zi Tiada Sans"), (missing.Template, missing.Family));
        Assert.False(string.IsNullOrEmpty(missing.Substitute));
        Assert.Equal($"template {template} names the font \"Zi Tiada Sans\", which is neither shipped with zi nor installed here: the PDF sets it in \"{missing.Substitute}\", so its lines and pages may fall differently than in Word", missing.Message);
    }

    [Theory]
    [InlineData("Calibri")]
    [InlineData("Consolas")]
    [InlineData("DejaVu Sans Mono")]
    public void MissingFonts_AFontShippedOrInstalled_IsNotMissing(string font)
    {
        SkipWithoutFontconfig();
        Assert.SkipWhen(font == "DejaVu Sans Mono" && !Installed(font), $"{font} is not installed here");

        Assert.Empty(new PdfConverter().MissingFonts([TemplateIn(font)]));
    }

    [Fact]
    public void MissingFonts_CalibriWithoutTheShippedFonts_IsMissingWhereTheHostHasNoCalibri()
    {
        SkipWithoutFontconfig();
        Assert.SkipWhen(Installed("Calibri"), "Calibri is installed here");

        var missing = Assert.Single(new PdfConverter(new PdfConverterOptions { Fonts = new ShippedFonts(_dir.File("no-fonts")) }).MissingFonts([TemplateIn("Calibri")]));

        Assert.Equal("Calibri", missing.Family);
    }

    [Fact]
    public void MissingFonts_ShippedTemplates_None()
    {
        SkipWithoutFontconfig();

        Assert.Empty(new PdfConverter().MissingFonts(Directory.GetFiles(Repository.PathOf("templates"), "*.docx")));
    }

    private static bool Installed(string family)
    {
        var start = new ProcessStartInfo("fc-list") { RedirectStandardOutput = true };
        start.ArgumentList.Add(":family=" + family);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim().Length > 0;
    }

    /// <summary>Whether a process has ended (gone, or a zombie waiting to be reaped), waiting a little for it.</summary>
    private static bool Stopped(int pid)
    {
        for (var i = 0; i < 30; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }
            try
            {
                var text = File.ReadAllText(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }
            Thread.Sleep(100);
        }
        return false;
    }
}
