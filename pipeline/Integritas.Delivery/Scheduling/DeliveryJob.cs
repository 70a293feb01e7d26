using System.Globalization;
using Integritas.Delivery.History;
using Integritas.Delivery.Settings;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Integritas.Delivery.Scheduling;

/// <summary>
/// The Quartz job of a subscription (one per subscription, group <c>delivery</c>): a thin adapter from the trigger
/// firing to <see cref="DeliveryRunner"/>. Job data <c>resume</c> carries on a run left running; otherwise the
/// firing is planned into periods (<see cref="PeriodPlanner"/>). A failed run ends the job with a <see cref="JobExecutionException"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliveryJob(DeliveryRunner runner, SettingsResult config, ShutdownSignal shutdown, TimeProvider clock, ILogger<DeliveryJob> logger) : IJob
{
    public const string Group = "delivery";
    public const string SubscriptionKey = "subscription";
    public const string ResumeKey = "resume";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SubscriptionKey) ?? context.JobDetail.Key.Name;
        var subscription = config.Subscriptions.FirstOrDefault(s => s.Name == name);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        RunRecord run;
        if (context.MergedJobDataMap.GetString(ResumeKey) is { Length: > 0 } resume)
        {
            run = await runner.ResumeAsync(long.Parse(resume, CultureInfo.InvariantCulture), linked.Token);
        }
        else if (subscription is null)
        {
            logger.LogWarning("The trigger of {Subscription} fired, but no subscription of that name is in the settings", name);
            return;
        }
        else
        {
            run = await FireAsync(runner, subscription, context.ScheduledFireTimeUtc ?? clock.GetUtcNow(), RunTriggers.Schedule, linked.Token);
        }
        if (run.Status == RunStatus.Failed)
        {
            throw new JobExecutionException($"run {run.Id} of {run.Subscription} {run.Period} failed: {run.Error}");
        }
    }

    /// <summary>One firing: missed periods since the last recorded one are recorded skipped, the period it stands for is run.</summary>
    public static async Task<RunRecord> FireAsync(DeliveryRunner runner, Subscription subscription, DateTimeOffset fireTime, string trigger, CancellationToken cancellationToken)
    {
        var store = runner.Store;
        var last = store.LastScheduledPeriod(subscription.Name);
        var plan = PeriodPlanner.Plan(subscription, fireTime, last is null ? null : Subscription.PeriodInstant(last));
        var now = RunStore.Stamp(runner.Clock.GetUtcNow(), subscription.Zone);
        foreach (var skipped in plan.Skipped)
        {
            var key = subscription.PeriodKey(skipped);
            store.RecordSkipped(subscription.Name, key, subscription.Zone.Id, key, RunTriggers.CatchUp, now,
                $"missed while zi was not running (or busy past the misfire threshold); only the latest missed period, {subscription.PeriodKey(plan.Period)}, is delivered");
        }
        var late = plan.Period != fireTime || plan.Skipped.Count > 0;
        return await runner.RunAsync(subscription, plan.Period, late && plan.Period != fireTime ? RunTriggers.CatchUp : trigger, cancellationToken);
    }
}

/// <summary>
/// Cancelled <c>Integritas:ShutdownTimeoutSeconds</c> after the host begins to stop: the run under way gets that long
/// to finish, then it is cut off (LibreOffice stopped with everything it started) and recorded failed.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public void Arm(TimeSpan timeout) => _source.CancelAfter(timeout);

    public void Dispose() => _source.Dispose();
}
