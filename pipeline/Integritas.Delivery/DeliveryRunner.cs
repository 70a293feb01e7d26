using System.Collections.Concurrent;
using System.Net.Sockets;
using Integritas.Delivery.History;
using Integritas.Delivery.Mail;
using Integritas.Delivery.Packets;
using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Reports;
using Integritas.Reports.Pdf;
using Integritas.Store;
using Integritas.Store.Queries;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace Integritas.Delivery;

/// <summary>A run that cannot be started as asked (unknown id, one still running); the message says what to do.</summary>
public sealed class RunException(string message) : Exception(message);

/// <summary>
/// Runs a subscription for a period: begins (or carries on) its run record, builds the packets, keeps them in the
/// output folder, mails each addressee recording before and after each mail, and finishes the record. A run is
/// <c>succeeded</c> only when every document, the PDF (if asked) and every mail went out; otherwise it is
/// <c>failed</c> with why, logged at Error and told to <c>Integritas:AlertTo</c>.
/// </summary>
public sealed class DeliveryRunner(SettingsResult config, RunStore store, RuleCatalog rules, TimeProvider clock, ILogger<DeliveryRunner> logger, PdfConverter? converter = null)
{
    private readonly ConcurrentDictionary<long, byte> _active = new();
    private readonly PacketBuilder _builder = new(config.Settings, rules, clock, logger, converter);
    private readonly PacketMailer _mailer = new(config.Settings.Smtp, clock);

    public RunStore Store => store;

    public TimeProvider Clock => clock;

    /// <summary>The run of the period that <paramref name="fireTime"/> names; a period that ran already is left as it is.</summary>
    public async Task<RunRecord> RunAsync(Subscription subscription, DateTimeOffset fireTime, string trigger, CancellationToken cancellationToken)
    {
        var period = subscription.PeriodKey(fireTime);
        var (outcome, run) = store.Begin(subscription.Name, period, subscription.Zone.Id, period, trigger, Now(subscription));
        if (outcome == BeginOutcome.Done)
        {
            logger.LogInformation("{Subscription} {Period}: run {RunId} is {Status} already; nothing to do", subscription.Name, period, run.Id, RunStore.Text(run.Status));
            return run;
        }
        if (outcome == BeginOutcome.Resumed)
        {
            logger.LogWarning("{Subscription} {Period}: carrying on run {RunId}, left running by a zi that stopped", subscription.Name, period, run.Id);
        }
        return await ExecuteAsync(subscription, run, render: false, cancellationToken);
    }

    /// <summary>Carries on a run left running (zi stopped or was killed mid-run): addressees who got the mail do not get it again.</summary>
    public async Task<RunRecord> ResumeAsync(long runId, CancellationToken cancellationToken)
    {
        var run = store.Get(runId) ?? throw new RunException($"there is no run {runId}");
        if (run.Status != RunStatus.Running)
        {
            return run;
        }
        var subscription = config.Subscriptions.FirstOrDefault(s => s.Name == run.Subscription);
        if (subscription is null)
        {
            store.Finish(run.Id, RunStatus.Failed, $"left running, and the subscription '{run.Subscription}' is no longer in the settings", Stamp(run));
            return store.Get(run.Id)!;
        }
        logger.LogWarning("{Subscription} {Period}: carrying on run {RunId}, left running by a zi that stopped", run.Subscription, run.Period, run.Id);
        return await ExecuteAsync(subscription, run, render: false, cancellationToken);
    }

    /// <summary>
    /// Sends a finished run again: to the addressees that did not get it (or <paramref name="all"/>), the same packet
    /// unless <paramref name="render"/> (or its files are gone or changed).
    /// </summary>
    public async Task<RunRecord> RetryAsync(long runId, bool all, bool render, CancellationToken cancellationToken)
    {
        var run = store.Get(runId) ?? throw new RunException($"there is no run {runId} (see 'zi runs')");
        if (run.Status == RunStatus.Running)
        {
            throw new RunException($"run {runId} is running (or was left running by a zi that stopped: the worker carries it on when it starts)");
        }
        var subscription = config.Find(run.Subscription);
        store.ResetRecipients(run.Id, all);
        store.Reopen(run.Id, RunTriggers.Retry, Now(subscription));
        return await ExecuteAsync(subscription, store.Get(run.Id)!, render, cancellationToken);
    }

    private async Task<RunRecord> ExecuteAsync(Subscription subscription, RunRecord run, bool render, CancellationToken cancellationToken)
    {
        if (!_active.TryAdd(run.Id, 0))
        {
            logger.LogInformation("{Subscription} {Period}: run {RunId} is under way already", run.Subscription, run.Period, run.Id);
            return run;
        }
        var started = clock.GetTimestamp();
        try
        {
            var plans = Plans(subscription, render ? null : run.Year);
            var reuse = !render && PacketBuilder.Intact(run.Outputs) && plans.All(p => run.Outputs.Any(o => o.Packet == p.Key));
            var packetFolders = new Dictionary<string, string>();
            var year = run.Year ?? 0;
            if (reuse)
            {
                logger.LogInformation("{Subscription} {Period}: run {RunId} sends the packet it built before ({Files} files, unchanged)", run.Subscription, run.Period, run.Id, run.Outputs.Count);
                foreach (var plan in plans)
                {
                    packetFolders[plan.Key] = Path.GetDirectoryName(run.Outputs.First(o => o.Packet == plan.Key).File)!;
                }
            }
            else
            {
                var built = new List<BuiltPacket>();
                foreach (var plan in plans)
                {
                    built.Add(await _builder.BuildAsync(subscription, run, plan, cancellationToken));
                }
                year = built[0].Year;
                var fingerprint = built.Count == 1 ? built[0].Fingerprint
                    : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", built.Select(b => $"{b.Key}:{b.Fingerprint}")))));
                if (subscription.When == SendWhen.Changed && run.Trigger != RunTriggers.Retry && store.LastSucceeded(subscription.Name) is { Fingerprint: { } last } previous && last == fingerprint)
                {
                    foreach (var packet in built)
                    {
                        Directory.Delete(packet.Folder, recursive: true);
                    }
                    var reason = $"the data has not changed since run {previous.Id} ({previous.Period}), which delivered it (When: changed)";
                    store.Finish(run.Id, RunStatus.Skipped, reason, Now(subscription));
                    logger.LogInformation("{Subscription} {Period}: run {RunId} skipped: {Reason}", run.Subscription, run.Period, run.Id, reason);
                    return store.Get(run.Id)!;
                }
                store.SetPacket(run.Id, year, PacketBuilder.RunFolder(config.Settings, subscription.Name, run.Period), fingerprint, BuiltPacket.SourcesJson(built.SelectMany(b => b.Sources)), [.. built.SelectMany(b => b.Deliverables)]);
                foreach (var packet in built)
                {
                    packetFolders[packet.Key] = packet.Folder;
                }
                logger.LogInformation("{Subscription} {Period}: run {RunId} built {Packets} packet(s) for {Year}: {Files}", run.Subscription, run.Period, run.Id, built.Count, year,
                    string.Join(", ", built.SelectMany(b => b.Deliverables).Select(d => Path.GetFileName(d.File))));
            }
            foreach (var plan in plans)
            {
                store.AddRecipients(run.Id, plan.Key, plan.Recipients);
            }
            MarkCutOffSends(subscription, run.Id);
            await SendAsync(subscription, store.Get(run.Id)!, plans, packetFolders, year, cancellationToken);

            var done = store.Get(run.Id)!;
            var failed = done.Recipients.Where(r => r.Status != RecipientStatus.Sent).ToList();
            var unaddressed = subscription.Burst == BurstMode.None ? [] : plans.Where(p => p.Recipients.Count == 0).ToList();
            if (unaddressed.Count > 0)
            {
                var kept = string.Join("; ", unaddressed.Select(p => $"{p.Label} (kept in {packetFolders[p.Key]})"));
                var noRecipients = $"{unaddressed.Count} packet(s) have no recipients in the recipients file (kode_unit|instansi,email) and no To/Cc: {kept}; ingest their addresses, then 'zi runs retry {run.Id}'";
                return await FailAsync(subscription, run, failed.Count == 0 ? noRecipients
                    : $"{failed.Count} of {done.Recipients.Count} addressee(s) did not get the packet: " + string.Join("; ", failed.Select(f => $"{f.Address}: {f.Error ?? "not tried"}")) + "; " + noRecipients);
            }
            if (failed.Count == 0)
            {
                store.Finish(run.Id, RunStatus.Succeeded, null, Now(subscription));
                logger.LogInformation("{Subscription} {Period}: run {RunId} succeeded: {Sent} mail(s) sent in {ElapsedMs} ms", run.Subscription, run.Period, run.Id,
                    done.Recipients.Count, (long)clock.GetElapsedTime(started).TotalMilliseconds);
                return store.Get(run.Id)!;
            }
            var error = $"{failed.Count} of {done.Recipients.Count} addressee(s) did not get the packet: " + string.Join("; ", failed.Select(f => $"{f.Address}: {f.Error ?? "not tried"}"));
            return await FailAsync(subscription, run, error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FailAsync(subscription, run, $"cut off: zi was stopping and the run did not finish within Integritas:ShutdownTimeoutSeconds ({config.Settings.ShutdownTimeoutSeconds} s); 'zi runs retry {run.Id}' sends it");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogDebug(ex, "Run {RunId} failed", run.Id);
            return await FailAsync(subscription, run, ex.Message);
        }
        finally
        {
            _active.TryRemove(run.Id, out _);
        }
    }

    /// <summary>
    /// The packets of a run: one for the subscription's scope; or (bursting) one per instansi or unit of the scope with
    /// an LKE in the run's year (the subscription's, or the latest in the scope), each limited to its own data and sent
    /// to its own addressees from the recipients file, plus To and Cc.
    /// </summary>
    private List<PacketPlan> Plans(Subscription subscription, int? runYear)
    {
        var scope = new DataScope(subscription.ScopeInstansi, subscription.ScopeUnits);
        List<(string Address, string Kind)> everyone = [.. subscription.To.Select(a => (a, "to")), .. subscription.Cc.Select(a => (a, "cc"))];
        if (subscription.Burst == BurstMode.None)
        {
            return [new PacketPlan("", scope.IsAll ? null : string.Join(", ", scope.Instansi.Concat(scope.Units)), everyone, scope)];
        }
        var kind = subscription.Burst == BurstMode.Unit ? "unit" : "instansi";
        using var connection = new ZiDatabase(config.Settings.Database, clock).OpenRead();
        scope.Apply(connection);
        var years = Integritas.Store.Queries.ScoreQueries.Years(connection);
        var year = runYear ?? subscription.Year ?? (years.Count > 0 ? years[^1] : throw new PacketException(scope.IsAll ? "the database holds no LKE yet" : "the subscription's Scope holds no unit with an LKE"));
        var subjects = scope.Subjects(connection, kind, year);
        if (subjects.Count == 0)
        {
            throw new PacketException($"the subscription's Scope holds no {kind} with an LKE for {year}: there is no packet to burst");
        }
        var plans = new List<PacketPlan>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subject in subjects)
        {
            var key = Integritas.Reports.ReportFiles.Safe(kind == "unit" ? subject.Key : subject.Key.ToLowerInvariant());
            for (var n = 2; !keys.Add(key); n++)
            {
                key = $"{key}-{n}";
            }
            var recipients = DataScope.Recipients(connection, subject).Select(a => (a, "to")).Concat(everyone)
                .DistinctBy(r => r.Item1, StringComparer.OrdinalIgnoreCase).ToList();
            plans.Add(new PacketPlan(key, kind == "unit" ? $"{subject.Key} {subject.Label}" : subject.Label, recipients, scope.For(subject), year));
        }
        return plans;
    }

    /// <summary>
    /// An addressee recorded as being sent to when the run stopped may have got the mail: it is not sent again
    /// unasked (<c>zi runs retry ID</c> does), and the run fails saying so.
    /// </summary>
    private void MarkCutOffSends(Subscription subscription, long runId)
    {
        foreach (var recipient in store.Get(runId)!.Recipients.Where(r => r.Status == RecipientStatus.Sending))
        {
            store.MarkRecipient(runId, recipient.Packet, recipient.Address, RecipientStatus.Failed,
                "zi stopped while handing this mail to the SMTP server, so it may have arrived; not sent again unasked ('zi runs retry' sends it)", Now(subscription));
        }
    }

    private async Task SendAsync(Subscription subscription, RunRecord run, List<PacketPlan> plans, Dictionary<string, string> folders, int year, CancellationToken cancellationToken)
    {
        var pending = run.Recipients.Where(r => r.Status == RecipientStatus.Pending).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        SmtpSession session;
        try
        {
            session = await _mailer.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (IsMailFailure(ex))
        {
            var error = $"the SMTP server {config.Settings.Smtp.Host}:{config.Settings.Smtp.Port} could not be reached: {ex.Message}";
            foreach (var recipient in pending)
            {
                store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Failed, error, Now(subscription));
            }
            return;
        }
        await using (session)
        {
            var connectionLost = (string?)null;
            foreach (var plan in plans)
            {
                var outputs = run.Outputs.Where(o => o.Packet == plan.Key).Select(o => new PacketFile(o.File, o.SizeBytes)).ToList();
                var mail = new PacketMail(run.Id, subscription.Name, Subscription.PeriodInstant(run.Period), subscription.Zone, year, plan.Label, subscription.Reports, outputs,
                    folders[plan.Key], config.Settings.Smtp.MaxAttachmentMb);
                var message = session.Packet(mail, [.. plan.Recipients.Where(r => r.Kind == "to").Select(r => r.Address)], [.. plan.Recipients.Where(r => r.Kind == "cc").Select(r => r.Address)],
                    $"zi-run{run.Id}-{(plan.Key.Length == 0 ? "packet" : plan.Key)}");
                foreach (var recipient in pending.Where(r => r.Packet == plan.Key))
                {
                    if (connectionLost is not null)
                    {
                        store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Failed, "not tried: " + connectionLost, Now(subscription));
                        continue;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Sending, null, Now(subscription));
                    try
                    {
                        await session.SendAsync(message, recipient.Address, cancellationToken);
                        store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Sent, null, Now(subscription));
                    }
                    catch (SmtpCommandException ex)
                    {
                        store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Failed, $"refused by the SMTP server ({(int)ex.StatusCode}): {ex.Message}", Now(subscription));
                    }
                    catch (Exception ex) when (IsMailFailure(ex))
                    {
                        connectionLost = $"the connection to the SMTP server failed: {ex.Message}";
                        store.MarkRecipient(run.Id, recipient.Packet, recipient.Address, RecipientStatus.Failed, connectionLost, Now(subscription));
                    }
                }
            }
        }
    }

    private async Task<RunRecord> FailAsync(Subscription subscription, RunRecord run, string error)
    {
        store.Finish(run.Id, RunStatus.Failed, error, Now(subscription));
        logger.LogError("{Subscription} {Period}: run {RunId} failed: {Error}", run.Subscription, run.Period, run.Id, error);
        await AlertAsync(run, error);
        return store.Get(run.Id)!;
    }

    /// <summary>Tells <c>Integritas:AlertTo</c> that a run failed; an alert that cannot be sent is logged at Error.</summary>
    private async Task AlertAsync(RunRecord run, string error)
    {
        var to = config.Settings.AlertTo;
        if (to.Count == 0)
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(config.Settings.Smtp.TimeoutSeconds));
            await using var session = await _mailer.ConnectAsync(timeout.Token);
            var message = session.Text(CoverLetter.AlertSubject(run.Subscription, run.Period), CoverLetter.AlertBody(run.Id, run.Subscription, run.Period, error), to,
                $"zi-alert-run{run.Id}-{clock.GetUtcNow().ToUnixTimeMilliseconds()}");
            foreach (var address in to)
            {
                await session.SendAsync(message, address, timeout.Token);
            }
        }
        catch (Exception ex) when (IsMailFailure(ex) || ex is OperationCanceledException or SmtpCommandException)
        {
            logger.LogError("The alert for the failed run {RunId} could not be sent to {AlertTo}: {Error}", run.Id, string.Join(", ", to), ex.Message);
        }
    }

    private static bool IsMailFailure(Exception ex) =>
        ex is IOException or SocketException or ProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or ServiceNotConnectedException
            or SmtpCommandException or TimeoutException;

    private string Now(Subscription subscription) => RunStore.Stamp(clock.GetUtcNow(), subscription.Zone);

    private string Stamp(RunRecord run) =>
        RunStore.Stamp(clock.GetUtcNow(), TimeZoneInfo.TryFindSystemTimeZoneById(run.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc);
}
