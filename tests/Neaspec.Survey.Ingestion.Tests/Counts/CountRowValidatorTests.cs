using Neaspec.Survey.Ingestion.Counts.Read;
using Neaspec.Survey.Ingestion.Counts.Validate;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Ingestion.Tests.Counts;

/// <summary>The row rules on their own, without a database.</summary>
public sealed class CountRowValidatorTests
{
    private static readonly string[] Header =
        ["site_code", "site_name", "country", "latitude", "longitude", "date", "time", "species", "count", "count_type", "method", "observer", "notes"];

    internal static SpeciesResolver Catalogue() => SpeciesResolver.Of(SpeciesCatalogue.Seed);

    private static (CountRow? Row, List<RowError> Errors) Validate(string csvLine)
    {
        var columns = CountColumns.Map(Header, out var error);
        Assert.Null(error);
        var fields = csvLine.Split(',');
        var errors = new List<RowError>();
        var row = new CountRowValidator(columns, Catalogue()).Validate(7, i => i < fields.Length ? fields[i] : null, errors);
        return (row, errors);
    }

    [Theory]
    [InlineData("저어새", "Platalea minor")]
    [InlineData("黑脸琵鹭", "Platalea minor")]
    [InlineData("クロツラヘラサギ", "Platalea minor")]
    [InlineData("Малая колпица", "Platalea minor")]
    [InlineData("black-faced spoonbill", "Platalea minor")]
    [InlineData("Grus vipio", "Antigone vipio")]
    [InlineData("  grus   VIPIO ", "Antigone vipio")]
    [InlineData("Цэн тогоруу", "Antigone vipio")]
    [InlineData("흑두루미", "Grus monacha")]
    public void Species_resolve_through_names_synonyms_and_languages(string written, string scientific)
    {
        var (row, errors) = Validate($"KR-SCB,,,,,2025-01-12,,{written},5,,,,");
        Assert.Empty(errors);
        Assert.Equal(scientific, row!.Species);
    }

    [Fact]
    public void Decomposed_hangul_resolves_like_composed()
    {
        // macOS writes file text in NFD: 저어새 as conjoining jamo.
        var nfd = "저어새".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("저어새", nfd);
        var (row, errors) = Validate($"KR-SCB,,,,,2025-01-12,,{nfd},5,,,,");
        Assert.Empty(errors);
        Assert.Equal("Platalea minor", row!.Species);
    }

    [Fact]
    public void Unknown_species_is_an_error_naming_column_and_value()
    {
        var (row, errors) = Validate("KR-SCB,,,,,2025-01-12,,Grus imaginaria,5,,,,");
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal((7L, "species", "Grus imaginaria"), (e.Line, e.Column, e.Value));
        Assert.Contains("unknown species", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_species_close_to_a_catalogue_name_is_told_that_name()
    {
        var (row, errors) = Validate("TW-CGW,,,,,2025-01-12,,黑面琵鹭鸟,5,,,,");
        Assert.Null(row);
        Assert.Equal("unknown species '黑面琵鹭鸟': did you mean 黑面琵鹭 (Platalea minor)?", Assert.Single(errors).Reason);
        // Nothing close: the plain reason, which says who can add a name.
        Assert.Contains("an admin can add it", Validate("KR-SCB,,,,,2025-01-12,,Grus imaginaria,5,,,,").Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_count_is_not_counted_with_the_reason_from_notes_and_zero_is_zero()
    {
        var (blank, e1) = Validate("KR-SCB,,,,,2025-01-12,,흑두루미,,,,,fog");
        var (zero, e2) = Validate("KR-SCB,,,,,2025-01-12,,흑두루미,0,,,,");
        Assert.Empty(e1);
        Assert.Empty(e2);
        Assert.Null(blank!.Individuals);
        Assert.Equal("fog", blank.NotCountedReason);
        Assert.Equal(0, zero!.Individuals);
        Assert.Null(zero.NotCountedReason);
    }

    [Theory]
    [InlineData("-3", "must not be negative")]
    [InlineData("twelve", "whole number")]
    [InlineData("12.5", "whole number")]
    public void Bad_counts_are_errors(string count, string reason)
    {
        var (row, errors) = Validate($"KR-SCB,,,,,2025-01-12,,흑두루미,{count},,,,");
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal(("count", count), (e.Column, e.Value));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02-30", "no such date")]
    [InlineData("2023-02-29", "no such date")]
    [InlineData("12/01/2025", "YYYY-MM-DD")]
    [InlineData("yesterday", "YYYY-MM-DD")]
    public void Bad_dates_are_errors(string date, string reason)
    {
        var (row, errors) = Validate($"KR-SCB,,,,,{date},,흑두루미,4,,,,");
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal(("date", date), (e.Column, e.Value));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leap_day_and_a_darwin_core_date_time_are_accepted()
    {
        var (leap, e1) = Validate("KR-SCB,,,,,2024-02-29,,흑두루미,4,,,,");
        var (dwc, e2) = Validate("KR-SCB,,,,,2025-01-12T07:45:00+09:00,,흑두루미,4,,,,");
        Assert.Empty(e1);
        Assert.Empty(e2);
        Assert.Equal(new DateOnly(2024, 2, 29), leap!.Date);
        Assert.Equal((new DateOnly(2025, 1, 12), new TimeOnly(7, 45)), (dwc!.Date, dwc.Time));
    }

    [Fact]
    public void Swapped_coordinates_are_named_as_such()
    {
        // Suncheon Bay is 34.88 N 127.51 E; written the other way round the latitude is impossible.
        var (row, errors) = Validate("KR-NEW,,KR,127.51,34.88,2025-01-12,,흑두루미,4,,,,");
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal(("latitude", "127.51"), (e.Column, e.Value));
        Assert.Contains("swapped", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("95.2", "130.2", "latitude")]
    [InlineData("-91", "100", "latitude")]
    [InlineData("34.8", "190.5", "longitude")]
    public void Out_of_range_coordinates_are_errors(string lat, string lon, string column)
    {
        var (row, errors) = Validate($"KR-NEW,,KR,{lat},{lon},2025-01-12,,흑두루미,4,,,,");
        Assert.Null(row);
        Assert.Contains(errors, e => e.Column == column && e.Reason.Contains("out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void Darwin_core_headers_map_case_insensitively()
    {
        var columns = CountColumns.Map(["LOCATIONID", "eventdate", "ScientificName", "individualCount", "extra"], out var error);
        Assert.Null(error);
        Assert.Equal(0, columns[CountField.SiteCode]);
        Assert.Equal(3, columns[CountField.Count]);
        Assert.Equal(["extra"], columns.Ignored);
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        CountColumns.Map(["site_code", "date", "species"], out var error);
        Assert.NotNull(error);
        Assert.Contains("missing required column count", error, StringComparison.Ordinal);
    }
}
