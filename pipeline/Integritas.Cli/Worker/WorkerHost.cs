using Integritas.Delivery.Scheduling;
using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Integritas.Cli.Worker;

/// <summary>The scheduled worker: the Generic Host running Quartz with the inbox job and one delivery job per subscription.</summary>
public static class WorkerHost
{
    public static readonly JobKey InboxJobKey = new("inbox", "inbox");

    /// <summary>
    /// The host for settings that were read and found valid (<see cref="SettingsReader"/>): appsettings.json next to
    /// zi, then an optional file given with --config, then environment variables prefixed ZI_ (ZI_Integritas__Database=...).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, SettingsResult settings, TimeProvider clock)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddConfiguration(configuration);
        builder.AddIntegritasWorker(settings, clock);
        return builder;
    }

    /// <summary>The configuration the worker reads, for the commands that read the same (<c>zi subscriptions</c>, <c>zi runs</c>, <c>zi deliver</c>).</summary>
    public static IConfiguration Configuration(string? configFile)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        configuration.AddEnvironmentVariables("ZI_");
        return configuration;
    }

    /// <summary>Registers the settings, the shared services, Serilog, the delivery engine and the inbox job.</summary>
    public static void AddIntegritasWorker(this IHostApplicationBuilder builder, SettingsResult settings, TimeProvider clock)
    {
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(RuleCatalog.FromEnvironment());
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext());
        builder.AddIntegritasDelivery(settings, clock, quartz =>
        {
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJobKey).WithDescription("Ingest files dropped in the inbox"));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJobKey).WithIdentity("inbox-cron", "inbox")
                .WithCronSchedule(settings.Settings.Inbox.Schedule, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
    }
}
