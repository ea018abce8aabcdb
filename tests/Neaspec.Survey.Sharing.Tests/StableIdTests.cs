namespace Neaspec.Survey.Sharing.Tests;

public sealed class StableIdTests
{
    [Fact]
    public void Matches_the_version_5_example_of_RFC_9562()
    {
        // RFC 9562, Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2",
            StableId.Create(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Fact]
    public void The_default_namespace_is_the_documented_url_uuid()
    {
        // uuid5(NAMESPACE_URL, "https://github.com/neaspec/survey/sharing"), as docs/sharing.md says.
        Assert.Equal(SharingOptions.DefaultIdNamespace,
            StableId.Create(Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://github.com/neaspec/survey/sharing"));
    }

    [Fact]
    public void Keys_are_read_from_the_data_not_from_case_or_spacing_of_the_site_code()
    {
        var date = new DateOnly(2025, 1, 18);
        Assert.Equal("survey|HK-MPO|2025-01-18|08:00:00", NaturalKeys.Survey(" hk-mpo ", date, new TimeOnly(8, 0)));
        Assert.Equal("survey|JP-IZM|2024-12-15|", NaturalKeys.Survey("JP-IZM", new DateOnly(2024, 12, 15), null));
        Assert.Equal("count|HK-MPO|2025-01-18|08:00:00|Platalea minor", NaturalKeys.Count("HK-MPO", date, new TimeOnly(8, 0), "Platalea minor"));
        Assert.Equal("fix|S|HC-1|2024-10-01T00:28:00.000Z|", NaturalKeys.Fix("S", "HC-1", new DateTime(2024, 10, 1, 0, 28, 0, DateTimeKind.Utc), null));
        var space = Guid.Parse(SharingOptions.DefaultIdNamespace);
        Assert.NotEqual(StableId.Create(space, NaturalKeys.Survey("A", date, null)), StableId.Create(space, NaturalKeys.Survey("B", date, null)));
    }
}
