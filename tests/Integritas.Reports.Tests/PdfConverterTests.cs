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
    public async Task Convert_TwoDocumentsOfOneName_IsRefusedBeforeRunning()
    {
        var first = _dir.Write("a/laporan.docx", WordFile.Create(WordFile.P("a")));
        var second = _dir.Write("b/laporan.docx", WordFile.Create(WordFile.P("b")));

        await Assert.ThrowsAsync<ArgumentException>(() => new PdfConverter().ConvertAsync([first, second], _dir.Path, Cancel));
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
