using System.Diagnostics;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>The fonts shipped beside the program and the fontconfig configuration that hands them to LibreOffice.</summary>
public sealed class ShippedFontsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>fc-match or fc-scan under a configuration: what fontconfig itself answers.</summary>
    private static string Fontconfig(string tool, string configuration, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["FONTCONFIG_FILE"] = configuration;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    private static void SkipWithoutFontconfig() =>
        Assert.SkipUnless(PdfConverter.Locate("fc-match") is not null && PdfConverter.Locate("fc-scan") is not null, "fc-match/fc-scan (fontconfig) are not on PATH; install fontconfig to run this test.");

    [Fact]
    public void Default_BesideTheProgram_HoldsEveryShippedFamilyWithItsLicence()
    {
        var fonts = ShippedFonts.Default;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts"), fonts.Folder);
        Assert.Equal(ShippedFonts.Families, fonts.Present);
        Assert.All(["LICENSE-Carlito.txt", "LICENSE-Liberation.txt", "LICENSE-DejaVu.txt"], l => Assert.True(File.Exists(Path.Combine(fonts.Folder, l)), $"{l} is not beside the fonts"));
        Assert.Contains("SIL Open Font License", File.ReadAllText(Path.Combine(fonts.Folder, "LICENSE-Carlito.txt")), StringComparison.Ordinal);
        Assert.Contains("SIL Open Font License", File.ReadAllText(Path.Combine(fonts.Folder, "LICENSE-Liberation.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_EachFile_IsOfTheFamilyItsNameSays()
    {
        SkipWithoutFontconfig();
        var configuration = ShippedFonts.Default.WriteConfiguration(_dir.File("conf"), ShippedFonts.HostConfiguration());

        foreach (var file in ShippedFonts.Default.Files)
        {
            var family = Fontconfig("fc-scan", configuration, "--format", "%{family[0]}", file);
            Assert.Contains(ShippedFonts.Families, f => f.Family == family && Path.GetFileName(file).StartsWith(f.FilePrefix, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Calibri", "Carlito-Regular.ttf")]
    [InlineData("Calibri:bold", "Carlito-Bold.ttf")]
    [InlineData("Calibri:bold:italic", "Carlito-BoldItalic.ttf")]
    [InlineData("Carlito:italic", "Carlito-Italic.ttf")]
    [InlineData("Consolas", "LiberationMono-Regular.ttf")]
    [InlineData("Calibri:charset=2713", "DejaVuSans.ttf")]
    public void Configuration_AFontTheTemplatesName_IsTheShippedFile(string request, string file)
    {
        SkipWithoutFontconfig();
        var configuration = ShippedFonts.Default.WriteConfiguration(_dir.File("conf"), ShippedFonts.HostConfiguration());

        var matched = Fontconfig("fc-match", configuration, "--format", "%{file}", request);

        Assert.Equal(Path.Combine(ShippedFonts.Default.Folder, file), matched);
    }

    [Fact]
    public void Configuration_HostWithItsOwnCarlitoAndLiberationMono_ListsOnlyTheShippedOnes()
    {
        SkipWithoutFontconfig();
        // A host with a Carlito and a Liberation Mono of its own (copies at other paths: another version would do the same).
        var hostFonts = Directory.CreateDirectory(_dir.File("host-fonts")).FullName;
        File.Copy(Path.Combine(ShippedFonts.Default.Folder, "Carlito-Regular.ttf"), Path.Combine(hostFonts, "Carlito-Regular.ttf"));
        File.Copy(Path.Combine(ShippedFonts.Default.Folder, "LiberationMono-Regular.ttf"), Path.Combine(hostFonts, "LiberationMono-Regular.ttf"));
        var host = _dir.Write("host.conf", $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><dir>{hostFonts}</dir><cachedir>{_dir.File("host-cache")}</cachedir></fontconfig>
            """);
        var configuration = ShippedFonts.Default.WriteConfiguration(_dir.File("conf"), host);

        var listed = Fontconfig("fc-list", configuration, "--format", "%{file}\n").Split('\n');

        Assert.Equal(ShippedFonts.Default.Files, listed.Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(ShippedFonts.Default.Folder, "Carlito-Regular.ttf"), Fontconfig("fc-match", configuration, "--format", "%{file}", "Calibri"));
    }

    [Theory]
    [InlineData("Calibri", true)]
    [InlineData("calibri", true)]
    [InlineData("Carlito", true)]
    [InlineData("Consolas", true)]
    [InlineData("LiberationMono", true)]
    [InlineData("DejaVu Sans", true)]
    [InlineData("DejaVu Sans Mono", false)]
    [InlineData("Arial", false)]
    public void Covers_AFamily_WhenItOrWhatItStandsForIsShipped(string family, bool covered)
    {
        Assert.Equal(covered, ShippedFonts.Default.Covers(family));
    }

    [Fact]
    public void Covers_FolderMissing_CoversNothing()
    {
        var fonts = new ShippedFonts(_dir.File("no-fonts"));

        Assert.Empty(fonts.Files);
        Assert.False(fonts.Covers("Calibri"));
    }
}
