using System.CommandLine;
using System.CommandLine.Parsing;
using Integritas.Cli.Commands;

namespace Integritas.Cli;

/// <summary>The zi command line: parses, reports usage errors with exit code 2, and runs the chosen command.</summary>
public static class ZiApp
{
    public static RootCommand BuildRoot(CliContext context) => new("zi — Zona Integritas readiness analytics: ingest LKE exports, score, rank, report.")
    {
        IngestCommand.Create(context),
        ScoresCommand.Scores(context),
        AnalyticsCommands.Rank(context),
        AnalyticsCommands.Candidates(context),
        AnalyticsCommands.Unit(context),
        AnalyticsCommands.Trends(context),
        AnalyticsCommands.Targets(context),
        RulesCommand.Create(context),
        LineageCommands.Findings(context),
        LineageCommands.History(context),
        LineageCommands.Reviews(context),
        ReportCommand.Create(context),
        TemplateCommand.Create(context),
        DemoCommand.Create(context),
        WorkerCommand.Create(context),
        SubscriptionsCommand.Create(context),
        RunsCommand.Create(context),
        RunsCommand.Deliver(context),
        ServeCommand.Create(context),
        UsersCommand.Create(context),
    };

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellation = default)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine("zi: " + Plain(error));
            }
            context.Error.WriteLine("Run 'zi --help' (or 'zi COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        if (parse.CommandResult.Command.Name == WorkerCommand.Name)
        {
            // The worker's host handles SIGTERM and Ctrl-C itself and waits for the run under way
            // (Integritas:ShutdownTimeoutSeconds); System.CommandLine would end the process 2 s after the signal.
            invocation.ProcessTerminationTimeout = null;
        }
        return await parse.InvokeAsync(invocation, cancellation);
    }

    /// <summary>
    /// A parse error in plain words. A value that does not convert to an option's type is said as what the
    /// option expects ("--year expects a year such as 2025, not 'abc'"), never with the .NET type's name.
    /// </summary>
    public static string Plain(ParseError error)
    {
        var (name, type, helpName, tokens) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Option.HelpName, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, o.Option.HelpName, a.Tokens),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType, a.Argument.HelpName, a.Tokens),
            _ => (null, null, null, null),
        };
        if (name is null || type is null || tokens is null || !IsConversionError(error))
        {
            return error.Message;
        }
        var value = tokens.Count > 0 ? Spreadsheets.Excerpt.Of(tokens[^1].Value) : "";
        var expected = (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) && helpName == "YEAR" => "a year such as 2025",
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(decimal) || t == typeof(double) => "a number such as 2.5",
            var t when t == typeof(bool) => "true or false (or nothing: the option alone means true)",
            var t when t == typeof(DateOnly) || t == typeof(DateTime) => "a date such as 2025-12-31",
            _ => "a different value",
        };
        return $"{name} expects {expected}, not '{value}'.";
    }

    // System.CommandLine reports a failed conversion as "Cannot parse argument 'x' for option '--y' as expected type 'T'."
    private static bool IsConversionError(ParseError error) =>
        error.Message.Contains("as expected type", StringComparison.Ordinal) || error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal);
}
