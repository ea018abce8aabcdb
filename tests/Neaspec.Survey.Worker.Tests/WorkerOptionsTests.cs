using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

public sealed class WorkerOptionsTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_are_nightly_at_two_with_a_minute_to_settle()
    {
        var options = WorkerOptions.Load(Config(("Worker:Inbox", inbox.Folder)));

        Assert.Equal("0 2 * * *", options.Schedule);
        Assert.Equal(60, options.StableSeconds);
        Assert.Equal(Path.Combine(inbox.Folder, "processed"), options.ProcessedPath);
        Assert.Equal(Path.Combine(inbox.Folder, "quarantine"), options.QuarantinePath);
    }

    [Fact]
    public void The_schedule_is_read_in_the_configured_time_zone()
    {
        var options = WorkerOptions.Load(Config(("Worker:Inbox", inbox.Folder), ("Worker:TimeZone", "Asia/Seoul")));

        var next = options.CronSchedule.GetNextOccurrence(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), options.Zone);

        // 02:00 in Seoul (UTC+9) is 17:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void A_six_field_schedule_has_seconds()
    {
        var options = WorkerOptions.Load(Config(("Worker:Inbox", inbox.Folder), ("Worker:Schedule", "*/10 * * * * *")));

        var next = options.CronSchedule.GetNextOccurrence(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 10, DateTimeKind.Utc), next);
    }

    [Theory]
    [InlineData(null, null, null, "Worker:Inbox")]
    [InlineData("/no/such/inbox", null, null, "does not exist")]
    [InlineData("", "every night", null, "Worker:Schedule")]
    [InlineData("", null, "Mars/Olympus", "Worker:TimeZone")]
    public void Bad_settings_say_which_and_where(string? inboxValue, string? schedule, string? zone, string expected)
    {
        var config = Config(("Worker:Inbox", inboxValue == "" ? inbox.Folder : inboxValue), ("Worker:Schedule", schedule), ("Worker:TimeZone", zone));

        var ex = Assert.Throws<SettingsException>(() => WorkerOptions.Load(config));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
