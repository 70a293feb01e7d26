using Integritas.Delivery.Settings;
using Integritas.TestSupport;

namespace Integritas.Delivery.Tests;

public sealed class SettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Path(string name) => _dir.File(name).Replace("\\", "/", StringComparison.Ordinal);

    [Fact]
    public void EveryBadKey_TypeErrorsIncluded_IsNamedAtOnce()
    {
        var result = SettingsReader.Read(Zi.Configuration("""
            {
              "Integritas": {
                "Database": "zi.duckdb",
                "Inbox": { "Path": "inbox", "Schedule": "0 */5 * * * ?", "SettleSeconds": "soon" },
                "ShutdownTimeoutSeconds": "ten",
                "Shedule": "typo",
                "Subscriptions": [
                  { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "Pdf": "maybe", "To": "menteri@kemendag.go.id" },
                  { "Name": "Rome", "Schedule": "0 0 7 ? * SENIN", "TimeZone": "Europe/Milano", "Burst": "kantor" }
                ],
                "Smtp": { "Port": "twenty-five" }
              }
            }
            """));

        Assert.False(result.Valid);
        Assert.Contains("Integritas:Inbox:SettleSeconds = 'soon': not a whole number", result.Failures);
        Assert.Contains("Integritas:ShutdownTimeoutSeconds = 'ten': not a whole number", result.Failures);
        Assert.Contains(result.Failures, f => f.StartsWith("Integritas:Shedule: no such setting", StringComparison.Ordinal));
        Assert.Contains("Integritas:Subscriptions:0:Pdf = 'maybe': not a boolean: write true or false", result.Failures);
        Assert.Contains("Integritas:Subscriptions:0:To = 'menteri@kemendag.go.id': expected a list, e.g. [\"menteri@kemendag.go.id\"]", result.Failures);
        Assert.Contains("Integritas:Subscriptions:1:Burst = 'kantor': must be one of none, instansi, unit", result.Failures);
        Assert.Contains("Integritas:Smtp:Port = 'twenty-five': not a whole number", result.Failures);
        Assert.Equal(7, result.Failures.Count);
    }

    [Fact]
    public void EveryBadMeaning_IsNamedAtOnce_UnknownZoneAndUncreatableFolderIncluded()
    {
        _dir.Write("a-file", "not a folder");
        var result = SettingsReader.Read(Zi.Configuration($$"""
            {
              "Integritas": {
                "Database": "{{Path("zi.duckdb")}}",
                "Output": "{{Path("a-file/packets")}}",
                "Inbox": { "Path": "{{Path("inbox")}}", "Schedule": "0 */5 * * * ?" },
                "Scheduler": { "ConnectionString": "{{Path("data/zi-scheduler.db")}}" },
                "Subscriptions": [
                  { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "To": [ "menteri-at-kemendag" ] },
                  { "Name": "Rome", "Schedule": "0 0 7 ? * SENIN", "TimeZone": "Europe/Milano", "Reports": [ "briefing", "rapor" ] },
                  { "Name": "menteri", "Schedule": "0 0 8 1 * ?", "Year": 1999 }
                ]
              }
            }
            """));

        Assert.False(result.Valid);
        var failures = string.Join(Environment.NewLine, result.Failures);
        Assert.Contains($"Integritas:Output = '{Path("a-file/packets")}': the folder", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:0:To:0 = 'menteri-at-kemendag': not an e-mail address", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:0:Name = 'menteri': another subscription has the same name", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:1:Name = 'Rome': a name of lower-case letters", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:1:Schedule = '0 0 7 ? * SENIN': not a Quartz cron expression", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:1:TimeZone = 'Europe/Milano': not a time zone", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:1:Reports = 'briefing,rapor': name reports of", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Subscriptions:2:Year = '1999'", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Smtp:Host = '': a subscription or AlertTo sends mail", failures, StringComparison.Ordinal);
        Assert.Contains("Integritas:Smtp:From = '': the sender's e-mail address is required", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefingSection_IsOneSubscription_AndItsReportsReplaceTheDefault()
    {
        var result = SettingsReader.Read(Zi.Configuration($$"""
            {
              "Integritas": {
                "Database": "{{Path("zi.duckdb")}}",
                "Inbox": { "Path": "{{Path("inbox")}}", "Schedule": "0 */5 * * * ?" },
                "Scheduler": { "ConnectionString": "{{Path("zi-scheduler.db")}}" },
                "Briefing": { "Schedule": "0 0 7 ? * MON", "Output": "{{Path("briefings")}}", "Reports": [ "candidates" ], "Pdf": false }
              }
            }
            """)).OrThrow();

        var briefing = Assert.Single(result.Subscriptions);
        Assert.Equal("briefing", briefing.Name);
        Assert.True(briefing.FromBriefingSection);
        Assert.Equal(["candidates"], briefing.Reports);
        Assert.False(briefing.Pdf);
        Assert.Equal("Asia/Jakarta", briefing.Zone.Id);
        Assert.Equal(Path("briefings"), result.Settings.Output);
    }

    [Fact]
    public void SubscriptionWithoutReports_GetsTheBriefingOnly()
    {
        var result = SettingsReader.Read(Zi.Configuration($$"""
            {
              "Integritas": {
                "Database": "{{Path("zi.duckdb")}}",
                "Output": "{{Path("out")}}",
                "Inbox": { "Path": "{{Path("inbox")}}", "Schedule": "0 */5 * * * ?" },
                "Scheduler": { "ConnectionString": "Data Source={{Path("zi-scheduler.db")}}" },
                "Subscriptions": [ { "Name": "menteri", "Schedule": "0 0 7 ? * MON" } ]
              }
            }
            """)).OrThrow();

        Assert.Equal(["briefing"], Assert.Single(result.Subscriptions).Reports);
    }

    [Fact]
    public async Task SubscriptionsCommand_ShowsNextFireTimesInEachZone()
    {
        var config = _dir.Write("zi.json", $$"""
            {
              "Integritas": {
                "Database": "{{Path("zi.duckdb")}}",
                "Output": "{{Path("out")}}",
                "Inbox": { "Path": "{{Path("inbox")}}", "Schedule": "0 */5 * * * ?" },
                "Scheduler": { "ConnectionString": "{{Path("zi-scheduler.db")}}" },
                "Smtp": { "Host": "127.0.0.1", "Port": 2525, "From": "zi@itjen.example.go.id", "Security": "None" },
                "Subscriptions": [
                  { "Name": "menteri", "Schedule": "0 0 7 ? * MON", "To": [ "menteri@kemendag.example.go.id" ] },
                  { "Name": "itpc-milan", "Schedule": "0 0 7 ? * MON", "TimeZone": "Europe/Rome" }
                ]
              }
            }
            """);
        // Sunday 29 March 2026, 09:00 WIB: Rome moved to summer time (UTC+2) at 02:00 that morning.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.FromHours(7)));

        var result = await Zi.RunAsync(clock, "subscriptions", "--config", config, "--count", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("menteri", result.Out, StringComparison.Ordinal);
        Assert.Contains("  schedule  0 0 7 ? * MON in Asia/Jakarta", result.Out, StringComparison.Ordinal);
        Assert.Contains("  next      2026-03-30 07:00:00 +07:00 (Monday)", result.Out, StringComparison.Ordinal);
        Assert.Contains("  next      2026-04-06 07:00:00 +07:00 (Monday)", result.Out, StringComparison.Ordinal);
        Assert.Contains("  schedule  0 0 7 ? * MON in Europe/Rome", result.Out, StringComparison.Ordinal);
        Assert.Contains("  next      2026-03-30 07:00:00 +02:00 (Monday)", result.Out, StringComparison.Ordinal);
        Assert.Contains("  scope     all units", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionsCommand_InvalidSettings_ListsEveryFailureWithExitCode1()
    {
        var config = _dir.Write("zi.json", """
            { "Integritas": { "Database": "", "Subscriptions": [ { "Name": "x", "Schedule": "never", "Pdf": "maybe" } ] } }
            """);

        var result = await Zi.RunAsync(FixedClock.Default, "subscriptions", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Integritas:Subscriptions:0:Pdf = 'maybe': not a boolean", result.Error, StringComparison.Ordinal);
    }
}
