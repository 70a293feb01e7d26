using Integritas.Domain.Rules;

namespace Integritas.Cli.Commands;

/// <summary>What every command runs with: where it writes, the clock, the rules, and where shipped files live.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Clock, RuleCatalog Rules, string AppDirectory)
{
    public static CliContext Console(TimeProvider clock) =>
        new(System.Console.Out, System.Console.Error, clock, RuleCatalog.FromEnvironment(), AppContext.BaseDirectory);

    /// <summary>Where a command reads what it is given on standard input (a password with --password-stdin).</summary>
    public TextReader In { get; init; } = System.Console.In;

    public string SamplesDirectory => Path.Combine(AppDirectory, "data-samples");

    public string TemplatesDirectory => Path.Combine(AppDirectory, "templates");

    /// <summary>Whether standard output is a terminal (progress is drawn only there).</summary>
    public bool Interactive => ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;
}

/// <summary>
/// Exit codes: 0 success, 1 a file was rejected or the work failed, 2 the command line was wrong, 3 the
/// database was busy (another process held it longer than zi waits), so a script can retry later.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Busy = 3;
}
