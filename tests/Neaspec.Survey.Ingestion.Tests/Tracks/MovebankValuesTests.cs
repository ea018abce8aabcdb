using System.Text;
using Neaspec.Survey.Ingestion.Tracks.Read;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

public sealed class MovebankValuesTests
{
    [Theory]
    [InlineData("2011-02-11 17:30:00.000", 2011, 2, 11, 17, 30, 0, 0)]
    [InlineData("2011-02-11 17:30:00", 2011, 2, 11, 17, 30, 0, 0)]
    [InlineData("2011-02-11T17:30:00.5Z", 2011, 2, 11, 17, 30, 0, 500)]
    [InlineData("2024-02-29 23:59:59.9999", 2024, 2, 29, 23, 59, 59, 999)]
    [InlineData("2011-02-11", 2011, 2, 11, 0, 0, 0, 0)]
    public void Timestamps_are_read_as_utc_with_milliseconds(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        Assert.True(MovebankValues.TryParseTimestamp(Encoding.UTF8.GetBytes(text), out var t));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Utc), t);
        Assert.Equal(DateTimeKind.Utc, t.Kind);
    }

    [Theory]
    [InlineData("2023-02-29 00:00:00.000")]
    [InlineData("2011-02-11 24:00:00")]
    [InlineData("11/02/2011 17:30")]
    [InlineData("2011-02-11 17:30:00+09:00")]
    [InlineData("2011-02-11 17:30:00.")]
    public void Other_timestamps_are_not_guessed(string text) =>
        Assert.False(MovebankValues.TryParseTimestamp(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    public void Booleans_are_read_as_movebank_and_r_write_them(string text, bool expected)
    {
        Assert.True(MovebankValues.TryParseBool(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("NA", true)]
    [InlineData("0", false)]
    public void Empty_and_r_na_are_missing(string text, bool missing) =>
        Assert.Equal(missing, MovebankValues.IsMissing(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("location_long", "location-long")]
    [InlineData("location.long", "location-long")]
    [InlineData(" \"Location-Long\" ", "location-long")]
    [InlineData("gps:hdop", "gps:hdop")]
    public void Header_names_fold_to_one_form(string name, string canonical) =>
        Assert.Equal(canonical, MovebankHeader.Canonical(name));

    [Fact]
    public void Movebank_database_ids_stand_in_only_for_missing_local_identifiers()
    {
        var api = MovebankHeader.Parse(["event_id", "timestamp", "location_long", "location_lat", "individual_id", "tag_id"], out var problem);
        Assert.Null(problem);
        Assert.Equal(4, api.Individual);
        Assert.Equal(5, api.Tag);

        var both = MovebankHeader.Parse(["timestamp", "location-long", "location-lat", "individual-id", "individual-local-identifier"], out problem);
        Assert.Null(problem);
        Assert.Equal(4, both.Individual);
        Assert.Contains(both.Attributes, a => a.Name == "individual-id");
    }

    [Fact]
    public void A_header_without_coordinates_says_what_is_missing()
    {
        MovebankHeader.Parse(["site", "date", "count"], out var problem);
        Assert.NotNull(problem);
        Assert.Contains("timestamp, location-long, location-lat", problem, StringComparison.Ordinal);
    }
}
