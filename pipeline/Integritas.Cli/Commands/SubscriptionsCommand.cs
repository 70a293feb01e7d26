using System.CommandLine;
using System.Globalization;
using Integritas.Cli.Worker;
using Integritas.Delivery.Settings;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi subscriptions [--config FILE] [--count N]</c>: every subscription the worker would run, with its next fire
/// times in its own time zone; settings that are not valid are listed, every one, and the exit code is 1.
/// </summary>
public static class SubscriptionsCommand
{
    public static Option<string?> ConfigOption() => new("--config") { Description = "An extra JSON settings file (overrides appsettings.json), as for 'zi worker'.", HelpName = "FILE" };

    public static Command Create(CliContext context)
    {
        var config = ConfigOption();
        var count = new Option<int>("--count") { Description = "How many next fire times to show per subscription.", DefaultValueFactory = _ => 3, HelpName = "N" };
        var command = new Command("subscriptions", "The subscriptions in the settings, each with its next fire times in its own time zone.") { config, count };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var settings = Load(parse.GetValue(config));
            if (settings.Subscriptions.Count == 0)
            {
                context.Out.WriteLine("No subscriptions: add them under Integritas:Subscriptions (see README, 'Subscriptions').");
                return ExitCodes.Ok;
            }
            var now = context.Clock.GetUtcNow();
            foreach (var s in settings.Subscriptions)
            {
                var recipients = s.Burst == BurstMode.None
                    ? string.Join(", ", s.To.Concat(s.Cc.Select(c => "cc " + c))) is { Length: > 0 } r ? r : "nobody (kept in the output folder only)"
                    : $"each {s.Burst.ToString().ToLowerInvariant()}'s recipients (recipients file)" + (s.To.Count + s.Cc.Count > 0 ? " and " + string.Join(", ", s.To.Concat(s.Cc)) : "");
                context.Out.WriteLine($"{s.Name}{(s.FromBriefingSection ? " (from the Briefing section)" : "")}");
                context.Out.WriteLine($"  schedule  {s.Schedule} in {s.Zone.Id}");
                context.Out.WriteLine($"  reports   {string.Join(", ", s.Reports)}{(s.Pdf ? " as one PDF" : " in Word")}, year {(s.Year?.ToString(CultureInfo.InvariantCulture) ?? "latest")}");
                context.Out.WriteLine($"  scope     {Scope(s)}; burst {s.Burst.ToString().ToLowerInvariant()}; when {s.When.ToString().ToLowerInvariant()}");
                context.Out.WriteLine($"  to        {recipients}");
                foreach (var time in s.NextFireTimes(now, parse.GetValue(count)))
                {
                    context.Out.WriteLine($"  next      {time.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} ({time.ToString("dddd", CultureInfo.InvariantCulture)})");
                }
            }
            foreach (var warning in settings.Warnings)
            {
                context.Error.WriteLine("warning: " + warning);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The worker's settings, as the worker reads them; invalid ones become a <see cref="CommandException"/> listing every failure.</summary>
    public static SettingsResult Load(string? configFile)
    {
        var configuration = WorkerHost.Configuration(configFile);
        var result = SettingsReader.Read(configuration);
        return result.Valid ? result : throw new CommandException(new SettingsException(result.Failures).Message);
    }

    private static string Scope(Subscription s) =>
        s.ScopeInstansi.Count + s.ScopeUnits.Count == 0 ? "all units"
            : string.Join("; ", new[] { s.ScopeInstansi.Count > 0 ? "instansi " + string.Join(", ", s.ScopeInstansi) : "", s.ScopeUnits.Count > 0 ? "units " + string.Join(", ", s.ScopeUnits) : "" }.Where(t => t.Length > 0));
}
