using System.CommandLine;
using System.Net.Sockets;
using Integritas.Cli.Worker;
using Integritas.Delivery.Settings;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi worker [--config FILE]</c>: runs the scheduled jobs until Ctrl-C or SIGTERM; the run under way finishes
/// (bounded by <c>Integritas:ShutdownTimeoutSeconds</c>) before it exits. Every bad setting is reported at start,
/// each with its key and value, before any job runs.
/// </summary>
public static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create(CliContext context)
    {
        var config = SubscriptionsCommand.ConfigOption();
        var command = new Command(Name, "Run the scheduled worker: inbox ingest and the subscriptions' deliveries on their cron schedules.") { config };
        command.SetAction((parse, cancellation) => RunAsync(context, parse.GetValue(config), cancellation));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? configFile, CancellationToken cancellation)
    {
        // Bootstrap logger for start-up; replaced by the configured one when the host is built.
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();
        try
        {
            var configuration = WorkerHost.Configuration(configFile);
            var settings = SettingsReader.Read(configuration);
            if (!settings.Valid)
            {
                Log.Fatal("The worker's settings are not valid:{NewLine}{Failures}", Environment.NewLine,
                    string.Join(Environment.NewLine, settings.Failures.Select(f => "  " + f)));
                return ExitCodes.Failed;
            }
            foreach (var warning in settings.Warnings.Concat(await SmtpWarnings(settings.Settings)))
            {
                Log.Warning("{Warning}", warning);
            }
            using var host = WorkerHost.CreateBuilder(configuration, settings, context.Clock).Build();
            Log.Information("Worker starting: database {Database}, inbox {Inbox} ({InboxSchedule}), {Count} subscription(s) [{Subscriptions}], scheduler store {Store}, output {Output}",
                settings.Settings.Database, settings.Settings.Inbox.Path, settings.Settings.Inbox.Schedule, settings.Subscriptions.Count,
                string.Join(", ", settings.Subscriptions.Select(s => $"{s.Name}: {s.Schedule} {s.Zone.Id}")), settings.Settings.Scheduler.ConnectionString, settings.Settings.Output);
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

    /// <summary>An SMTP server that does not answer is a warning at start, not a failure: it may be up by the first delivery.</summary>
    private static async Task<IReadOnlyList<string>> SmtpWarnings(ZiSettings settings)
    {
        if (string.IsNullOrEmpty(settings.Smtp.Host))
        {
            return [];
        }
        try
        {
            using var tcp = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await tcp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, timeout.Token);
            return [];
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return [$"{ZiSettings.Section}:Smtp:Host = '{settings.Smtp.Host}': the SMTP server does not answer on port {settings.Smtp.Port} now ({(ex is OperationCanceledException ? "no answer within 5 s" : ex.Message)}); runs that mail will fail until it does"];
        }
    }
}
