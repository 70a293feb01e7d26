using System.CommandLine;
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
                context.Error.WriteLine("zi: " + error.Message);
            }
            context.Error.WriteLine("Run 'zi --help' (or 'zi COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellation);
    }
}
