using Integritas.Domain.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Serilog;

namespace Integritas.Cli.Worker;

/// <summary>The scheduled worker: the Generic Host running Quartz with the inbox and briefing jobs.</summary>
public static class WorkerHost
{
    public static readonly JobKey InboxJobKey = new("inbox");
    public static readonly JobKey BriefingJobKey = new("briefing");

    /// <summary>
    /// Configuration for the worker: appsettings.json next to zi, then an optional file given with
    /// --config, then environment variables prefixed ZI_ (ZI_Integritas__Database=...).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string? configFile, TimeProvider clock)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        AddSources(builder.Configuration, configFile);
        builder.AddIntegritasWorker(clock);
        return builder;
    }

    /// <summary>The configuration the worker reads, for the commands that read the same (<c>zi subscriptions</c>, <c>zi runs</c>, <c>zi deliver</c>).</summary>
    public static IConfiguration Configuration(string? configFile)
    {
        var configuration = new ConfigurationManager();
        AddSources(configuration, configFile);
        return configuration;
    }

    private static void AddSources(IConfigurationBuilder configuration, string? configFile)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        configuration.AddEnvironmentVariables("ZI_");
    }

    /// <summary>Registers options (validated at start), the shared services, Serilog and the Quartz jobs.</summary>
    public static void AddIntegritasWorker(this IHostApplicationBuilder builder, TimeProvider clock)
    {
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(RuleCatalog.FromEnvironment());
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext());

        var settings = Options(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
        {
            // One job at a time: DuckDB lets one connection write the file, and the jobs take turns.
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 1);
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJobKey).WithDescription("Ingest files dropped in the inbox"));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJobKey).WithIdentity("inbox-cron").WithCronSchedule(settings.Inbox.Schedule));
            quartz.AddJob<BriefingJob>(job => job.WithIdentity(BriefingJobKey).WithDescription("Write the ministerial briefing"));
            quartz.AddTrigger(trigger => trigger.ForJob(BriefingJobKey).WithIdentity("briefing-cron").WithCronSchedule(settings.Briefing.Schedule));
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }

    public static WorkerOptions Options(IConfiguration configuration)
    {
        var options = new WorkerOptions();
        configuration.GetSection(WorkerOptions.Section).Bind(options);
        return options;
    }

    /// <summary>The validation failures of a configuration, before anything is started (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var result = new WorkerOptionsValidator().Validate(null, Options(configuration));
        return result.Failed ? [.. result.Failures ?? []] : [];
    }
}
