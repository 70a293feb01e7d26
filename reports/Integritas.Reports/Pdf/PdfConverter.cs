using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Integritas.Reports.Pdf;

/// <summary>How LibreOffice is run to turn documents into PDF.</summary>
public sealed record PdfConverterOptions
{
    public const string DefaultExecutable = "soffice";

    /// <summary>LibreOffice's executable: a name looked up on PATH, or a path to it.</summary>
    public string Executable { get; init; } = DefaultExecutable;

    /// <summary>How long one LibreOffice run may take before it is stopped (with everything it started).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The fonts LibreOffice lays documents out with in place of the host's (null: the host's fonts alone).</summary>
    public ShippedFonts? Fonts { get; init; } = ShippedFonts.Default;

    /// <summary>The host's fontconfig file the run's own configuration builds on (default: <see cref="ShippedFonts.HostConfiguration"/>).</summary>
    public string? HostFontConfiguration { get; init; }
}

/// <summary>
/// Turns Word documents into PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>). Each run gets a
/// throwaway user profile of its own, so runs in parallel, and a LibreOffice the user has open, do not collide
/// on the profile lock. Several documents are converted in one run: LibreOffice's start is most of the cost.
/// Where LibreOffice finds fonts through fontconfig (Linux and the other Unixes; not Windows or macOS), the run gets a
/// fontconfig configuration of its own (<see cref="ShippedFonts"/>) so a PDF is laid out with the fonts shipped with
/// zi, the same on every machine; <see cref="MissingFonts"/> names the fonts a template uses that it has not got.
/// </summary>
public sealed class PdfConverter(PdfConverterOptions? options = null)
{
    private const string Install = "install libreoffice-writer-nogui (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)";

    /// <summary>How long to wait for LibreOffice's output streams to close after it exited or was stopped.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly PdfConverterOptions _options = options ?? new PdfConverterOptions();

    /// <summary>The executable's full path: found on PATH for a bare name, or the path given if it exists; null if neither.</summary>
    public static string? Locate(string executable = PdfConverterOptions.DefaultExecutable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable) ? Path.GetFullPath(executable) : null;
        }
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".com", "" } : [""];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, executable + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Converts one document into a PDF beside it (same name, <c>.pdf</c>) and returns the PDF's path.</summary>
    public async Task<string> ConvertAsync(string document, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(document))!;
        var pdfs = await ConvertAsync([document], folder, cancellationToken);
        return pdfs[0];
    }

    /// <summary>
    /// Converts documents in one LibreOffice run into <paramref name="outputDirectory"/>, each as its name with
    /// <c>.pdf</c>; returns the PDFs' paths in the order of the documents. Throws <see cref="PdfException"/> when
    /// LibreOffice is missing, fails, leaves a PDF unwritten or runs past the timeout.
    /// </summary>
    public async Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> documents, string outputDirectory, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return [];
        }
        var inputs = documents.Select(Path.GetFullPath).ToList();
        var clash = inputs.GroupBy(d => Path.GetFileNameWithoutExtension(d), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Documents converted together must have different names: {string.Join(" and ", clash)} would both become {clash.Key}.pdf.", nameof(documents));
        }
        if (inputs.FirstOrDefault(d => !File.Exists(d)) is { } missing)
        {
            throw new PdfException($"There is no document {missing} to turn into PDF.", missing);
        }
        var outputs = inputs.Select(d => Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileNameWithoutExtension(d) + ".pdf")).ToList();
        var executable = Locate(_options.Executable) ?? throw new PdfException(NotInstalled(inputs[0]), inputs[0]);
        Directory.CreateDirectory(outputDirectory);
        // A PDF left from an earlier run must not pass for this run's.
        foreach (var output in outputs)
        {
            File.Delete(output);
        }

        var profile = Path.Combine(Path.GetTempPath(), "zi-soffice-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if ((FontConfiguration(Path.Combine(profile, "fontconfig")) ?? _options.HostFontConfiguration) is { } fonts)
            {
                environment["FONTCONFIG_FILE"] = fonts;
            }
            var (exitCode, standardError) = await RunAsync(executable, Arguments(profile, inputs, Path.GetFullPath(outputDirectory)), environment, inputs, cancellationToken);
            var name = Names(inputs);
            if (exitCode != 0)
            {
                throw new PdfException($"LibreOffice could not turn {name} into PDF (exit code {exitCode}){Detail(standardError)}", inputs[0], exitCode, standardError);
            }
            for (var i = 0; i < outputs.Count; i++)
            {
                if (!File.Exists(outputs[i]) || new FileInfo(outputs[i]).Length == 0)
                {
                    throw new PdfException($"LibreOffice wrote no PDF for {inputs[i]} (exit code {exitCode}){Detail(standardError)}", inputs[i], exitCode, standardError);
                }
            }
            return outputs;
        }
        finally
        {
            DeleteProfile(profile);
        }
    }

    private static List<string> Arguments(string profile, IReadOnlyList<string> inputs, string outputDirectory) =>
    [
        // A private profile: LibreOffice allows one process per profile, and a first run here must not wait on the user's.
        "-env:UserInstallation=" + new Uri(profile + Path.DirectorySeparatorChar).AbsoluteUri,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        outputDirectory,
        .. inputs,
    ];

    /// <summary>
    /// The fonts a template names that a PDF made here cannot be laid out with: neither shipped with zi nor installed
    /// on this machine, each with the font LibreOffice takes instead. Empty where fontconfig's <c>fc-list</c> is not
    /// there to ask (Windows, macOS: LibreOffice finds fonts without fontconfig there).
    /// </summary>
    public IReadOnlyList<MissingFont> MissingFonts(IEnumerable<string> templates)
    {
        var named = templates.Distinct(StringComparer.Ordinal)
            .SelectMany(t => Documents.DocxFonts.Named(t).Where(f => _options.Fonts?.Covers(f) != true).Select(f => (Template: t, Family: f)))
            .ToList();
        if (named.Count == 0 || Fontconfig.Families(HostConfiguration) is not { } installed)
        {
            return [];
        }
        var missing = named.Where(n => !installed.Contains(ShippedFonts.Key(n.Family))).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        var scratch = Path.Combine(Path.GetTempPath(), "zi-fonts-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var configuration = FontConfiguration(scratch) ?? HostConfiguration;
            return [.. missing.Select(m => new MissingFont(m.Template, m.Family, Fontconfig.Match(configuration, m.Family)))];
        }
        finally
        {
            DeleteProfile(scratch);
        }
    }

    private string HostConfiguration => _options.HostFontConfiguration ?? ShippedFonts.HostConfiguration();

    /// <summary>The run's fontconfig file, written into <paramref name="directory"/>; null where LibreOffice does not use fontconfig, or with <see cref="PdfConverterOptions.Fonts"/> null.</summary>
    private string? FontConfiguration(string directory) =>
        _options.Fonts is { } fonts && !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS()
            ? fonts.WriteConfiguration(directory, HostConfiguration)
            : null;

    private async Task<(int ExitCode, string StandardError)> RunAsync(string executable, List<string> arguments, Dictionary<string, string> environment, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new PdfException($"{NotInstalled(inputs[0])} ({executable}: {ex.Message})", inputs[0], inner: ex);
        }
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            var stopped = await Drain(standardError);
            cancellationToken.ThrowIfCancellationRequested();
            var seconds = _options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            throw new PdfException($"LibreOffice did not finish turning {Names(inputs)} into PDF within {seconds} s and was stopped{Detail(stopped)}", inputs[0], standardError: stopped);
        }
        var error = await Drain(standardError);
        var output = await Drain(standardOutput);
        // LibreOffice reports some failures ("source file could not be loaded") on standard output.
        return (process.ExitCode, string.Join(Environment.NewLine, new[] { error, output }.Where(t => t.Length > 0)));
    }

    /// <summary>soffice is a script that starts oosplash, which starts soffice.bin: all of them are stopped.</summary>
    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited just now on its own.
        }
    }

    private static async Task<string> Drain(Task<string> stream)
    {
        var done = await Task.WhenAny(stream, Task.Delay(DrainTimeout));
        return done == stream ? (await stream).Trim() : "";
    }

    private static string NotInstalled(string document) =>
        $"LibreOffice is needed to turn {Path.GetFileName(document)} into PDF, but it was not found: {Install}, or give the path to soffice.";

    private static string Names(IReadOnlyList<string> inputs) =>
        inputs.Count == 1 ? inputs[0] : $"{inputs.Count} documents ({string.Join(", ", inputs.Select(Path.GetFileName))})";

    private static string Detail(string standardError) => standardError.Length == 0 ? "." : ": " + standardError;

    private static void DeleteProfile(string profile)
    {
        try
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A profile LibreOffice still holds a moment after exit is left to the system's temp cleanup.
        }
    }
}
