using System.Globalization;
using Neaspec.Survey.Files;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>Writes the row errors of an import as CSV (file, line, column, value, reason), values that a
/// spreadsheet would run as formulas escaped, so a field team can fix the file and send it again.</summary>
public static class ErrorReport
{
    /// <summary>The report's name for a file: <c>NAME.errors.csv</c>.</summary>
    public static string NameFor(string fileName) => Path.GetFileName(fileName) + ".errors.csv";

    /// <summary>Writes the report of <paramref name="fileName"/> into <paramref name="directory"/>; falls back
    /// to the temp folder when that is not writable. Returns the path written.</summary>
    public static string Write(string fileName, IReadOnlyList<RowError> errors, string directory)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = NameFor(fileName);
        try
        {
            return WriteTo(Path.Combine(directory, name), Path.GetFileName(fileName), errors);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return WriteTo(Path.Combine(Path.GetTempPath(), name), Path.GetFileName(fileName), errors);
        }
    }

    private static string WriteTo(string path, string file, IReadOnlyList<RowError> errors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader(["file", "line", "column", "value", "reason"]);
        foreach (var e in errors)
        {
            writer.WriteRecord([file, e.Line.ToString(CultureInfo.InvariantCulture), e.Column ?? "", e.Value ?? "", e.Reason]);
        }
        return path;
    }
}
