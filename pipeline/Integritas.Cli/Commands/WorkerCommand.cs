using System.CommandLine;
using Integritas.Cli.Worker;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi worker [--config FILE]</c>: runs the scheduled jobs until Ctrl-C or SIGTERM; jobs under way
/// finish before it exits. Every bad setting is reported at start, each with its key and value.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string?>("--config") { Description = "An extra JSON settings file (overrides appsettings.json).", HelpName = "FILE" };
        var command = new Command("worker", "Run the scheduled worker: inbox ingest and briefing packets on their cron schedules.") { config };
        command.SetAction((parse, cancellation) => RunAsync(context, parse.GetValue(config), cancellation));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? configFile, CancellationToken cancellation)
    {
        // Bootstrap logger for start-up; replaced by the configured one when the host is built.
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();
        try
        {
            var builder = WorkerHost.CreateBuilder(configFile, context.Clock);
            var failures = WorkerHost.Validate(builder.Configuration);
            if (failures.Count > 0)
            {
                Log.Fatal("The worker's settings are not valid:{NewLine}{Failures}", Environment.NewLine,
                    string.Join(Environment.NewLine, failures.Select(f => "  " + f)));
                return ExitCodes.Failed;
            }
            using var host = builder.Build();
            Log.Information("Worker starting: database {Database}, inbox {Inbox} ({InboxSchedule}), briefings to {Output} ({BriefingSchedule})",
                WorkerHost.Options(builder.Configuration).Database, WorkerHost.Options(builder.Configuration).Inbox.Path,
                WorkerHost.Options(builder.Configuration).Inbox.Schedule, WorkerHost.Options(builder.Configuration).Briefing.Output,
                WorkerHost.Options(builder.Configuration).Briefing.Schedule);
            await host.RunAsync(cancellation);
            Log.Information("Worker stopped");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "The worker stopped on an error");
            return ExitCodes.Failed;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
