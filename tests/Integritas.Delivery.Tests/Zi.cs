using Integritas.Cli;
using Integritas.Cli.Commands;
using Integritas.Domain.Rules;
using Microsoft.Extensions.Configuration;

namespace Integritas.Delivery.Tests;

/// <summary>Runs zi in-process with captured output and the given clock; settings from JSON text.</summary>
internal static class Zi
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(TimeProvider clock, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, clock, RuleCatalog.Default, AppContext.BaseDirectory);
        var code = await ZiApp.RunAsync(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
}
