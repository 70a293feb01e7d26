using Integritas.Cli.Commands;
using Integritas.Domain.Rules;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary>Runs zi in-process with captured output and a fixed clock.</summary>
internal static class Zi
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, FixedClock.Default, RuleCatalog.Default, AppContext.BaseDirectory);
        var code = ZiApp.RunAsync(args, context).GetAwaiter().GetResult();
        return new Result(code, output.ToString(), error.ToString());
    }
}
