using Integritas.Delivery.History;
using Integritas.Delivery.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Integritas.Delivery.Scheduling;

/// <summary>
/// Composition of the delivery engine for the <c>zi</c> host: Quartz on its ADO.NET job store in the scheduler's
/// SQLite file (tables created and migrated by <see cref="SchedulerSchema"/> before the scheduler starts), the run
/// history in the same file, one job and cron trigger per subscription in its time zone, and the start-up step that
/// brings the stored schedule in line with the settings and carries on runs left running.
/// </summary>
public static class DeliveryHosting
{
    /// <summary>
    /// Registers the scheduler and delivery; <paramref name="configure"/> adds the host's own jobs (the inbox).
    /// The store is migrated here, before anything starts.
    /// </summary>
    public static IHostApplicationBuilder AddIntegritasDelivery(this IHostApplicationBuilder builder, SettingsResult config, TimeProvider clock, Action<IQuartzBuilder>? configure = null)
    {
        var store = RunStore.Open(config.Settings.Scheduler.ConnectionString);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<ShutdownSignal>();
        builder.Services.AddSingleton<DeliveryRunner>();
        builder.Services.AddHostedService<DeliveryStartup>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(config.Settings.ShutdownTimeoutSeconds + 30));
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(clock);
            // One job at a time: DuckDB lets one connection write the file, and the jobs take turns.
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 1);
            quartz.UsePersistentStore(persistent =>
            {
                persistent.UseSqlite(store.ConnectionString);
                persistent.UseSystemTextJsonSerializer();
                persistent.ConfigureStore(options => options.TablePrefix = SchedulerSchema.TablePrefix);
            });
            configure?.Invoke(quartz);
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    public static JobKey JobKey(string subscription) => new(subscription, DeliveryJob.Group);

    public static ITrigger Trigger(Subscription subscription, DateTimeOffset now) => TriggerBuilder.Create()
        .WithIdentity(subscription.Name, DeliveryJob.Group)
        // From the scheduler's clock (a trigger left to itself starts at the system's).
        .StartAt(now)
        .ForJob(JobKey(subscription.Name))
        .WithDescription($"{subscription.Schedule} in {subscription.Zone.Id}")
        // Missed firings (downtime, or the worker busy past the threshold) fire once now; the job records the older ones skipped.
        .WithCronSchedule(subscription.Schedule, cron => cron.InTimeZone(subscription.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    /// <summary>Brings the stored jobs and triggers in line with the subscriptions: new ones added, changed ones replaced, removed ones deleted.</summary>
    public static async Task ReconcileAsync(IScheduler scheduler, IReadOnlyList<Subscription> subscriptions, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var subscription in subscriptions)
        {
            var trigger = Trigger(subscription, scheduler.TimeProvider.GetUtcNow());
            var stored = await scheduler.GetTrigger(trigger.Key, cancellationToken) as ICronTrigger;
            if (stored is not null && stored.CronExpressionString == subscription.Schedule && stored.TimeZone.Id == subscription.Zone.Id)
            {
                continue;
            }
            var job = JobBuilder.Create<DeliveryJob>()
                .WithIdentity(JobKey(subscription.Name))
                .WithDescription($"Deliver the subscription {subscription.Name}")
                .UsingJobData(DeliveryJob.SubscriptionKey, subscription.Name)
                .StoreDurably()
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogInformation("Scheduled {Subscription}: {Schedule} in {TimeZone}, next {Next}", subscription.Name, subscription.Schedule, subscription.Zone.Id,
                subscription.NextFireTimes(scheduler.TimeProvider.GetUtcNow(), 1) is [var next] ? subscription.PeriodKey(next) : "never");
        }
        var names = subscriptions.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DeliveryJob.Group), cancellationToken))
        {
            if (!names.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
                logger.LogInformation("Removed the schedule of {Subscription}: it is no longer in the settings", key.Name);
            }
        }
    }
}

/// <summary>
/// Before the scheduler starts (hosted services start in order, and this one is registered before Quartz's): the
/// stored schedule is reconciled with the settings, runs left running are queued to be carried on, and the stop
/// bound is armed when the host begins to stop.
/// </summary>
internal sealed class DeliveryStartup(ISchedulerFactory factory, SettingsResult config, RunStore store, ShutdownSignal shutdown, IHostApplicationLifetime lifetime,
    ILogger<DeliveryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => shutdown.Arm(TimeSpan.FromSeconds(config.Settings.ShutdownTimeoutSeconds)));
        var scheduler = await factory.GetScheduler(cancellationToken);
        await DeliveryHosting.ReconcileAsync(scheduler, config.Subscriptions, logger, cancellationToken);
        foreach (var run in store.Running())
        {
            var key = DeliveryHosting.JobKey(run.Subscription);
            if (!await scheduler.Exists(key, cancellationToken))
            {
                continue;
            }
            logger.LogWarning("Run {RunId} of {Subscription} {Period} was left running by a zi that stopped; it is carried on", run.Id, run.Subscription, run.Period);
            await scheduler.TriggerJob(key, new JobDataMap { [DeliveryJob.ResumeKey] = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        }
        if (config.Subscriptions.Count == 0)
        {
            logger.LogInformation("No subscriptions in the settings: nothing is delivered (see README, 'Subscriptions')");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
