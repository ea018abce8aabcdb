using CsvHelper;

namespace Neaspec.Survey.Files;

/// <summary>The one way the project writes CSV for people (error reports, summaries, report tables,
/// exports): UTF-8 without BOM, LF line ends, and cells a spreadsheet would run as a formula (starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) escaped, so a site name such as
/// <c>=HYPERLINK(...)</c> from an upload reaches an analyst's spreadsheet as text (OWASP "CSV Injection").</summary>
public static class CsvOutput
{
    /// <summary>The writer options every CSV for people uses.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\n" };

    /// <summary>A writer to a new file at <paramref name="path"/> (created or replaced).</summary>
    public static CsvWriter ToFile(string path) => CsvWriter.ToFile(path, Options);

    /// <summary>A writer to <paramref name="stream"/> (standard output, a zip entry, a response body).</summary>
    public static CsvWriter ToStream(Stream stream) => CsvWriter.Create(stream, Options);
}
