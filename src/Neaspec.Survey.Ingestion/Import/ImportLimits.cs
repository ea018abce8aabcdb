using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Limits on everything an import reads from outside (section <c>Import:Limits</c>, e.g.
/// <c>NEASPEC_Import__Limits__MaxLineBytes</c>): the same for the CLI, the worker and the portal, enforced
/// while the file streams (never after reading it whole), each overrun a rejection that names the line, the
/// limit and this setting. The defaults are far above any real survey or Movebank file and far below what
/// takes a machine down: GPS exports of the flyway studies have lines of 100-2,000 bytes, dozens of columns
/// and gzip ratios of 5-15.</summary>
public sealed class ImportLimits
{
    public const string Section = "Import:Limits";

    /// <summary>The defaults.</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>Text read from one file, after decompression (plain files: their size). Default 8 GiB,
    /// about 40 million Movebank fixes.</summary>
    public long MaxTextBytes { get; set; } = 8L << 30;

    /// <summary>Decompressed bytes per compressed byte of a gzip file, judged once
    /// <see cref="RatioGraceBytes"/> have come out. Default 100: CSV compresses 5-15 times, a gzip bomb
    /// about 1,000 times.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>One line (a physical line, or a record whose quoted value spans lines). Default 1 MiB.</summary>
    public int MaxLineBytes { get; set; } = 1 << 20;

    /// <summary>One field of a CSV record. Default 64 KiB.</summary>
    public int MaxFieldBytes { get; set; } = 64 << 10;

    /// <summary>Columns of a CSV header or record. Default 1,000 (Movebank exports have up to a few hundred).</summary>
    public int MaxColumns { get; set; } = 1_000;

    /// <summary>Data lines of one file (the header not counted). Default 50 million.</summary>
    public long MaxRows { get; set; } = 50_000_000;

    /// <summary>A GeoJSON sites file, which is parsed whole. Default 64 MiB.</summary>
    public long MaxGeoJsonBytes { get; set; } = 64L << 20;

    /// <summary>The earliest survey date and fix time taken. Default 1900-01-01: the oldest crane and
    /// spoonbill counts of the flyway are from the 20th century; earlier dates are typing errors (0001-01-01,
    /// a year typed 1025) or a spreadsheet's zero date.</summary>
    public DateOnly EarliestDate { get; set; } = new(1900, 1, 1);

    /// <summary>How many days after today (UTC) a survey date or fix time may lie: 1, because a survey
    /// in East Asia is already tomorrow in UTC for half of the day.</summary>
    public int DaysAhead { get; set; } = 1;

    /// <summary>Not a setting: the ratio of a gzip file is judged only after this much text came out of it,
    /// so a small file of repeated values (which compresses far better than real data) is never refused.</summary>
    public const long RatioGraceBytes = 16L << 20;

    /// <summary>Not a setting: the longest identifier (site code, study, individual, tag, taxon) taken, in
    /// UTF-8 bytes. PostgreSQL's B-tree indexes hold rows of about 2,700 bytes at most (SQLSTATE 54000 past
    /// that), and no survey or Movebank identifier comes near 1,000 bytes: a longer one is a broken file.</summary>
    public const int MaxIdentifierBytes = 1_000;

    /// <summary>The plausible dates as of <paramref name="time"/>'s today.</summary>
    public DateWindow Dates(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DateWindow(EarliestDate, today.AddDays(DaysAhead));
    }

    /// <summary>Reads the section and checks it; a bad value throws a <see cref="SettingsException"/> that
    /// names the setting.</summary>
    public static ImportLimits Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new ImportLimits();
        try
        {
            configuration.GetSection(Section).Bind(limits);
        }
        catch (InvalidOperationException ex)
        {
            throw new SettingsException($"{Section}: {ex.Message}");
        }
        limits.Validate();
        return limits;
    }

    /// <summary>Fails with a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        Positive(nameof(MaxTextBytes), MaxTextBytes);
        Positive(nameof(MaxLineBytes), MaxLineBytes);
        Positive(nameof(MaxFieldBytes), MaxFieldBytes);
        Positive(nameof(MaxColumns), MaxColumns);
        Positive(nameof(MaxRows), MaxRows);
        Positive(nameof(MaxGeoJsonBytes), MaxGeoJsonBytes);
        if (!(MaxCompressionRatio >= 1))
        {
            throw new SettingsException($"{Section}:{nameof(MaxCompressionRatio)} must be 1 or more (is {MaxCompressionRatio}).");
        }
        if (MaxLineBytes < 1024)
        {
            throw new SettingsException($"{Section}:{nameof(MaxLineBytes)} must be at least 1024, room for a header line (is {MaxLineBytes}).");
        }
        if (DaysAhead < 0)
        {
            throw new SettingsException($"{Section}:{nameof(DaysAhead)} must be 0 or more (is {DaysAhead}).");
        }
        if (EarliestDate.Year < 1000)
        {
            throw new SettingsException($"{Section}:{nameof(EarliestDate)} must be a date after the year 1000 (is {EarliestDate:yyyy-MM-dd}).");
        }
    }

    private static void Positive(string name, long value)
    {
        if (value <= 0)
        {
            throw new SettingsException($"{Section}:{name} must be a positive number (is {value}).");
        }
    }

    /// <summary>The setting's full name, as a message names it.</summary>
    public static string Setting(string name) => $"{Section}:{name}";
}
