namespace Integritas.Delivery.History;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Skipped,
}

public enum RecipientStatus
{
    /// <summary>Not tried yet.</summary>
    Pending,

    /// <summary>Recorded just before the mail is handed to the SMTP server: a run found in this state was cut off mid-send.</summary>
    Sending,

    Sent,
    Failed,
}

/// <summary>A file the run delivered, with its SHA-256 (hex).</summary>
public sealed record RunOutput(string Packet, string File, string Sha256, long SizeBytes);

/// <summary>One addressee of one packet of a run, with its own delivery status.</summary>
public sealed record RunRecipient(string Packet, string Address, string Kind, RecipientStatus Status, string? Error, string? SentAt);

/// <summary>
/// One run of a subscription for one period. Times are ISO 8601 with the offset of the subscription's zone;
/// <see cref="Period"/> is the scheduled fire time, the key that makes a period run once.
/// </summary>
public sealed record RunRecord(
    long Id,
    string Subscription,
    string Period,
    string TimeZone,
    string ScheduledAt,
    string? StartedAt,
    string? FinishedAt,
    RunStatus Status,
    string Trigger,
    string? Error,
    int? Year,
    string? Folder,
    string? Fingerprint,
    string? Sources,
    IReadOnlyList<RunOutput> Outputs,
    IReadOnlyList<RunRecipient> Recipients);

/// <summary>How a run came to be.</summary>
public static class RunTriggers
{
    public const string Schedule = "schedule";
    public const string CatchUp = "catch-up";
    public const string Manual = "manual";
    public const string Resume = "resume";
    public const string Retry = "retry";
}
