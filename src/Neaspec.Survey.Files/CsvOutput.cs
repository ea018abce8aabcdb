using CsvHelper;

namespace Neaspec.Survey.Files;

/// <summary>The one way the project writes CSV for people (error reports, summaries, report tables,
/// exports): UTF-8 without BOM, LF line ends, and cells a spreadsheet would run as a formula (starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) escaped, so a site name such as
/// <c>=HYPERLINK(...)</c> from an upload reaches an analyst's spreadsheet as text (OWASP "CSV Injection").
/// Files that other programs read back as data (a Movebank export, the data files of a Darwin Core Archive)
/// use <see cref="ForInterchange"/> and <see cref="ArchiveTextWriter"/> instead: there the escape would be
/// part of the value a reader loads (a temperature of <c>-5</c> would arrive as <c>'-5</c>).</summary>
public static class CsvOutput
{
    /// <summary>The writer options every CSV for people uses.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\n" };

    /// <summary>RFC 4180 CSV for programs (UTF-8, LF, quoted when needed, values as they are).</summary>
    public static CsvWriterOptions InterchangeOptions { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.None, NewLine = "\n" };

    /// <summary>A writer to a new file at <paramref name="path"/> (created or replaced).</summary>
    public static CsvWriter ToFile(string path) => CsvWriter.ToFile(path, Options);

    /// <summary>A writer to <paramref name="stream"/> (standard output, a zip entry, a response body); the
    /// stream is closed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public static CsvWriter ToStream(Stream stream, bool leaveOpen = false) => CsvWriter.Create(stream, Options, leaveOpen);

    /// <summary>A writer of CSV that another program loads as data (Movebank, move2, another instance of
    /// this project): no formula escaping. <paramref name="stream"/> stays open.</summary>
    public static CsvWriter ForInterchange(Stream stream) => CsvWriter.Create(stream, InterchangeOptions, leaveOpen: true);
}
