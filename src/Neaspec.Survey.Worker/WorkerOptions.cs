using Cronos;
using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Worker;

/// <summary>The <c>Worker</c> settings section (<c>NEASPEC_Worker__Inbox</c> etc. in the environment).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The drop folder partner institutions sync files into.</summary>
    public string? Inbox { get; set; }

    /// <summary>Where loaded files go; default <c>&lt;Inbox&gt;/processed</c>.</summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>Where rejected files go, each with its error report; default <c>&lt;Inbox&gt;/quarantine</c>.</summary>
    public string? QuarantineFolder { get; set; }

    /// <summary>The worker's private folder (created mode 700): the snapshot of the file being imported, and
    /// error reports until they join their file; default <c>&lt;Inbox&gt;/.neaspec</c> (hidden, so never taken
    /// as a file to import).</summary>
    public string? WorkFolder { get; set; }

    /// <summary>Cron expression (5 fields, or 6 with seconds first); default nightly at 02:00.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    public const string DefaultSchedule = "0 2 * * *";

    /// <summary>IANA (or Windows) time zone the schedule is read in; default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A file is taken only when it has not been written to for this long.</summary>
    public int StableSeconds { get; set; } = 60;

    /// <summary>How long a run waits for another worker's run to end; 0 skips at once.</summary>
    public int LockWaitSeconds { get; set; }

    /// <summary>Load the good rows of count files that have bad ones (default: all or nothing).</summary>
    public bool AcceptPartial { get; set; }

    /// <summary>As <c>Counts:DuplicateSiteDistanceMeters</c> for interactive imports.</summary>
    public double DuplicateSiteDistanceMeters { get; set; } = 2_000;

    public RetryOptions Retry { get; set; } = new();

    public string InboxFolder => Path.GetFullPath(Inbox!);

    public string ProcessedPath => Path.GetFullPath(ProcessedFolder ?? Path.Combine(InboxFolder, "processed"));

    public string QuarantinePath => Path.GetFullPath(QuarantineFolder ?? Path.Combine(InboxFolder, "quarantine"));

    public string WorkPath => Path.GetFullPath(WorkFolder ?? Path.Combine(InboxFolder, ".neaspec"));

    public CronExpression CronSchedule =>
        CronExpression.Parse(Schedule, Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronFormat.IncludeSeconds : CronFormat.Standard);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Reads the section and checks it; a bad value throws a <see cref="SettingsException"/>
    /// that says which setting and where to set it.</summary>
    public static WorkerOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WorkerOptions();
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new SettingsException($"Worker settings: {ex.Message}");
        }
        options.Validate();
        return options;
    }

    public void Validate()
    {
        // A key present but empty (appsettings "Schedule": null) means the default, not "never".
        Schedule = string.IsNullOrWhiteSpace(Schedule) ? DefaultSchedule : Schedule.Trim();
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim();
        Retry ??= new RetryOptions();
        if (string.IsNullOrWhiteSpace(Inbox))
        {
            throw new SettingsException("No inbox folder: set Worker:Inbox in appsettings.json, NEASPEC_Worker__Inbox in the environment, or pass --inbox.");
        }
        if (!Directory.Exists(Inbox))
        {
            throw new SettingsException($"The inbox folder {InboxFolder} does not exist (Worker:Inbox).");
        }
        try
        {
            _ = CronSchedule;
        }
        catch (CronFormatException ex)
        {
            throw new SettingsException($"Worker:Schedule '{Schedule}' is not a cron expression: {ex.Message}");
        }
        try
        {
            _ = Zone;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SettingsException($"Worker:TimeZone '{TimeZone}' is not a known time zone (use an IANA name such as Asia/Seoul).");
        }
        if (StableSeconds < 0 || LockWaitSeconds < 0)
        {
            throw new SettingsException("Worker:StableSeconds and Worker:LockWaitSeconds must be 0 or more.");
        }
        Retry.Validate();
    }
}
