using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Integritas.Cli.Output;
using Integritas.Delivery;
using Integritas.Delivery.History;
using Integritas.Delivery.Settings;
using Serilog;
using Serilog.Extensions.Logging;

namespace Integritas.Cli.Commands;

/// <summary>
/// The run history and what an operator does with it, reading the worker's settings (<c>--config FILE</c>):
/// <c>zi runs</c>, <c>zi runs show ID</c>, <c>zi runs retry ID [--all] [--render]</c>, and <c>zi deliver NAME [--period P]</c>.
/// </summary>
public static class RunsCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var config = SubscriptionsCommand.ConfigOption();
        var subscription = new Option<string?>("--subscription") { Description = "Only the runs of this subscription.", HelpName = "NAME" };
        var status = new Option<string?>("--status") { Description = "Only runs with this status: running, succeeded, failed or skipped.", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong("running", "succeeded", "failed", "skipped");
        var format = CommonOptions.Format("table", "json");
        var limit = new Option<int>("--limit") { Description = "At most this many runs, the latest first.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("runs", "The delivery runs: each period of each subscription, with its status, files and addressees.") { config, subscription, status, format, limit };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var store = Store(parse.GetValue(config));
            var filter = new RunFilter(parse.GetValue(subscription), parse.GetValue(status) is { } s ? Enum.Parse<RunStatus>(s, ignoreCase: true) : null, parse.GetValue(limit));
            Print(context, store.List(filter), parse.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Retry(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var config = SubscriptionsCommand.ConfigOption();
        var id = new Argument<long>("id") { Description = "The run's number (first column of 'zi runs')." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("show", "One run in full: times, status, error, files with their SHA-256, each addressee's delivery.") { id, config, format };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var run = Store(parse.GetValue(config)).Get(parse.GetValue(id)) ?? throw new CommandException($"there is no run {parse.GetValue(id)} (see 'zi runs').");
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(ToJson(run), Json));
            }
            else
            {
                Detail(context.Out, run);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry(CliContext context)
    {
        var config = SubscriptionsCommand.ConfigOption();
        var id = new Argument<long>("id") { Description = "The run's number (first column of 'zi runs')." };
        var all = new Option<bool>("--all") { Description = "Send to every addressee again, not only to those who did not get it." };
        var render = new Option<bool>("--render") { Description = "Build the packet again from the database as it is now, instead of sending the one kept." };
        var command = new Command("retry", "Send a run's packet again: to the addressees who did not get it, or --all.") { id, config, all, render };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var runner = Runner(context, parse.GetValue(config));
            var run = await Guard(() => runner.RetryAsync(parse.GetValue(id), parse.GetValue(all), parse.GetValue(render), cancellation));
            Detail(context.Out, run);
            return run.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary><c>zi deliver NAME [--period P]</c>: runs a subscription now, for now or for a given period.</summary>
    public static Command Deliver(CliContext context)
    {
        var config = SubscriptionsCommand.ConfigOption();
        var name = new Argument<string>("name") { Description = "The subscription (see 'zi subscriptions')." };
        var period = new Option<string?>("--period")
        {
            Description = "The period to deliver: a local time in the subscription's zone (2026-12-07T07:00) or with its offset; default now. A period delivered already is not sent again: use 'zi runs retry'.",
            HelpName = "TIME",
        };
        var command = new Command("deliver", "Run a subscription now: build its packet, keep it in the output folder and mail it.") { name, config, period };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var (settings, runner) = Load(context, parse.GetValue(config));
            var subscription = Guard(() => settings.Find(parse.GetValue(name)!));
            var instant = parse.GetValue(period) is { } text ? Period(text, subscription) : context.Clock.GetUtcNow();
            instant = new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var run = await runner.RunAsync(subscription, instant, RunTriggers.Manual, cancellation);
            Detail(context.Out, run);
            return run.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static DateTimeOffset Period(string text, Subscription subscription)
    {
        if (text.Length > 16 && (text.EndsWith('Z') || text[16..].Contains('+', StringComparison.Ordinal) || text[16..].Contains('-', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (subscription.Zone.IsInvalidTime(unspecified))
            {
                throw new CommandException($"--period {text}: that local time does not exist in {subscription.Zone.Id} (the clocks skip it).");
            }
            return new DateTimeOffset(unspecified, subscription.Zone.GetUtcOffset(unspecified));
        }
        throw new CommandException($"--period {text}: not a time (write it as 2026-12-07T07:00, local to {subscription.Zone.Id}, or with its offset).");
    }

    private static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is RunException or SettingsException)
        {
            throw new CommandException(ex is SettingsException s ? string.Join("; ", s.Failures) : ex.Message);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is RunException or SettingsException)
        {
            throw new CommandException(ex is SettingsException s ? string.Join("; ", s.Failures) : ex.Message);
        }
    }

    private static RunStore Store(string? configFile) => RunStore.Open(SubscriptionsCommand.Load(configFile).Settings.Scheduler.ConnectionString);

    private static DeliveryRunner Runner(CliContext context, string? configFile) => Load(context, configFile).Runner;

    private static (SettingsResult Settings, DeliveryRunner Runner) Load(CliContext context, string? configFile)
    {
        var settings = SubscriptionsCommand.Load(configFile);
        // The run's log lines go to standard error; standard output carries the run record.
        var logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose,
            outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}").CreateLogger();
        var factory = new SerilogLoggerFactory(logger, dispose: true);
        var runner = new DeliveryRunner(settings, RunStore.Open(settings.Settings.Scheduler.ConnectionString), context.Rules, context.Clock,
            new Microsoft.Extensions.Logging.Logger<DeliveryRunner>(factory));
        return (settings, runner);
    }

    private static void Print(CliContext context, IReadOnlyList<RunRecord> runs, string format)
    {
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(runs.Select(ToJson), Json));
            return;
        }
        if (runs.Count == 0)
        {
            context.Out.WriteLine("No runs.");
            return;
        }
        var table = new TextTable([new("ID", 6, Align.Right), new("SUBSCRIPTION", 16), new("PERIOD", 25), new("STATUS", 9), new("TRIGGER", 8), new("FINISHED", 25),
            new("MAILS", 5, Align.Right), new("ERROR", 60)]);
        foreach (var run in runs)
        {
            table.Add(run.Id.ToString(CultureInfo.InvariantCulture), run.Subscription, run.Period, RunStore.Text(run.Status), run.Trigger, run.FinishedAt ?? "",
                $"{run.Recipients.Count(r => r.Status == RecipientStatus.Sent)}/{run.Recipients.Count}", run.Error ?? "");
        }
        table.Write(context.Out);
    }

    private static void Detail(TextWriter output, RunRecord run)
    {
        output.WriteLine($"run {run.Id}: {run.Subscription} {run.Period} ({run.TimeZone})");
        output.WriteLine($"  status     {RunStore.Text(run.Status)} ({run.Trigger})");
        output.WriteLine($"  scheduled  {run.ScheduledAt}");
        output.WriteLine($"  started    {run.StartedAt}");
        output.WriteLine($"  finished   {run.FinishedAt}");
        if (run.Error is not null)
        {
            output.WriteLine($"  error      {run.Error}");
        }
        if (run.Year is { } year)
        {
            output.WriteLine($"  year       {year}; data fingerprint {run.Fingerprint}");
        }
        foreach (var file in run.Outputs)
        {
            output.WriteLine($"  file       {file.File} ({file.SizeBytes} bytes, sha256 {file.Sha256})");
        }
        foreach (var recipient in run.Recipients)
        {
            output.WriteLine($"  mail       {recipient.Address} ({recipient.Kind}{(recipient.Packet.Length > 0 ? ", packet " + recipient.Packet : "")}): {RunStore.Text(recipient.Status)}"
                + (recipient.SentAt is { } at ? " at " + at : "") + (recipient.Error is { } e ? ": " + e : ""));
        }
    }

    private static object ToJson(RunRecord run) => new
    {
        id = run.Id,
        subscription = run.Subscription,
        period = run.Period,
        status = RunStore.Text(run.Status),
        scheduledAt = run.ScheduledAt,
        startedAt = run.StartedAt,
        finishedAt = run.FinishedAt,
        error = run.Error,
        trigger = run.Trigger,
        year = run.Year,
        fingerprint = run.Fingerprint,
        outputs = run.Outputs.Select(o => new { file = o.File, sha256 = o.Sha256, packet = o.Packet }),
        recipients = run.Recipients.Select(r => new { address = r.Address, status = RunStore.Text(r.Status), error = r.Error, kind = r.Kind, packet = r.Packet, sentAt = r.SentAt }),
    };
}
