using Neaspec.Survey.Files;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>Writes the row errors of an import as CSV (file, line, column, value, reason), values that a
/// spreadsheet would run as formulas escaped, so a field team can fix the file and upload it again.</summary>
public static class ErrorReport
{
    /// <summary>Writes the report beside the input (or in <paramref name="directory"/>); falls back to
    /// the temp folder when that is not writable. Returns the path written.</summary>
    public static string Write(string inputPath, IReadOnlyList<RowError> errors, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = Path.GetFileName(inputPath) + ".errors.csv";
        var folder = directory ?? Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        try
        {
            return WriteTo(Path.Combine(folder, name), Path.GetFileName(inputPath), errors);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return WriteTo(Path.Combine(Path.GetTempPath(), name), Path.GetFileName(inputPath), errors);
        }
    }

    private static string WriteTo(string path, string file, IReadOnlyList<RowError> errors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader(["file", "line", "column", "value", "reason"]);
        foreach (var e in errors)
        {
            writer.WriteRecord([file, e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Column ?? "", e.Value ?? "", e.Reason]);
        }
        return path;
    }
}
