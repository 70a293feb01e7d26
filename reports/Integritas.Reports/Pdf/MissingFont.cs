using System.ComponentModel;
using System.Diagnostics;

namespace Integritas.Reports.Pdf;

/// <summary>A font a template names that is neither shipped with zi nor installed here, and the font LibreOffice sets its text in instead.</summary>
public sealed record MissingFont(string Template, string Family, string? Substitute)
{
    /// <summary>One line for the person who runs the conversion.</summary>
    public string Message =>
        $"template {Template} names the font \"{Family}\", which is neither shipped with zi nor installed here: the PDF sets it in "
        + (Substitute is null ? "another font" : $"\"{Substitute}\"")
        + ", so its lines and pages may fall differently than in Word";
}

/// <summary>What fontconfig's own tools (<c>fc-list</c>, <c>fc-match</c>; Debian: fontconfig, which LibreOffice depends on) say about the fonts here.</summary>
internal static class Fontconfig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Every family installed under <paramref name="configuration"/>, as <see cref="ShippedFonts.Key"/>s; null when fc-list cannot be run.</summary>
    public static HashSet<string>? Families(string configuration)
    {
        var output = Run("fc-list", ["--format", "%{family}\\n"], configuration);
        if (output is null)
        {
            return null;
        }
        // A font with several names lists them comma-separated ("DejaVu Sans,DejaVu Sans Condensed").
        return [.. output.Split('\n').SelectMany(l => l.Split(',')).Where(f => f.Trim().Length > 0).Select(ShippedFonts.Key)];
    }

    /// <summary>The family fontconfig gives a request for <paramref name="family"/> under <paramref name="configuration"/>.</summary>
    public static string? Match(string configuration, string family)
    {
        var output = Run("fc-match", ["--format", "%{family[0]}", Escape(family)], configuration);
        return string.IsNullOrWhiteSpace(output) ? null : output.Trim();
    }

    /// <summary>In a fontconfig pattern, '-', ':' and ',' separate parts; a name's own are escaped.</summary>
    private static string Escape(string family) => string.Concat(family.Select(c => c is '\\' or '-' or ':' or ',' ? "\\" + c : c.ToString()));

    private static string? Run(string tool, IReadOnlyList<string> arguments, string configuration)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["FONTCONFIG_FILE"] = configuration;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        process.WaitForExit();
        return process.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
    }
}
