using Microsoft.Extensions.Time.Testing;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>Survey dates and fix times outside a plausible window (1900-01-01 .. today + 1 day by default,
/// settable) are row errors naming line, column and value: 0001-01-01 and 9999-12-31 would otherwise be
/// stored as PostgreSQL's -infinity and infinity.</summary>
public sealed class DateRangeTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    public async Task An_implausible_survey_date_is_a_row_error_and_never_an_infinity(string date)
    {
        var path = files.Write($"dates-{date}.csv", "site_code,country,latitude,longitude,date,species,count\n" +
            "DATE-1,KR,36.1,126.1,2025-01-02,Grus monacha,4\n" + $"DATE-1,KR,36.1,126.1,{date},Grus monacha,5\n");

        var outcome = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3L, "date", date), (error.Line, error.Column, error.Value));
        Assert.Contains("Import:Limits:EarliestDate", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys where survey_date in ('infinity', '-infinity') or survey_date < '1900-01-01'"));
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00.000")]
    [InlineData("9999-12-31 23:59:59.000")]
    public async Task An_implausible_fix_time_is_a_row_error(string timestamp)
    {
        var path = files.Write($"fix-{timestamp[..4]}.csv", "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-10-01 00:00:00.000,127.2,38.2,GM-1,Dates\n" + $"2,{timestamp},127.3,38.3,GM-1,Dates\n");

        var outcome = await db.Database.ImportAsync(new TrackImporter(), path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3L, "timestamp", timestamp), (error.Line, error.Column, error.Value));
        Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from fixes where import_id = {outcome.ImportId}"));
    }

    [Fact]
    public async Task The_window_ends_a_day_after_today_by_the_clock_and_its_start_is_a_setting()
    {
        // Today is 2026-03-10 by the fake clock: 2026-03-11 is taken (a survey in Asia is already tomorrow
        // in UTC), 2026-03-12 is not; with EarliestDate 2000-01-01, 1999-12-31 is not either.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero));
        var limits = new ImportLimits { EarliestDate = new DateOnly(2000, 1, 1) };
        var path = files.Write("window.csv", "site_code,country,latitude,longitude,date,species,count\n" +
            "WIN-1,KR,36.5,126.5,2026-03-11,Grus monacha,4\n" + "WIN-1,KR,36.5,126.5,2026-03-12,Grus monacha,5\n" +
            "WIN-1,KR,36.5,126.5,1999-12-31,Grus monacha,6\n" + "WIN-1,KR,36.5,126.5,2000-01-01,Grus monacha,7\n");

        var outcome = await new ClaimedImport(db.Database, limits, time).RunAsync(new CountImporter(new CountImportOptions { AcceptPartial = true }),
            new ImportRequest(path) { ReportDirectory = files.Folder });

        Assert.Equal(ImportStatus.Partial, outcome.Status);
        Assert.Equal([3L, 4L], outcome.Errors.Select(e => e.Line));
        Assert.Contains("2000-01-01 .. 2026-03-11", outcome.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2L, outcome.RowsAccepted);
    }
}
