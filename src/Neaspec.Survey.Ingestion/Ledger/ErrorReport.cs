using System.Globalization;
using Neaspec.Survey.Files;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>Writes the row errors of an import as CSV (file, line, column, value, reason), values that a
/// spreadsheet would run as formulas escaped, so a field team can fix the file and send it again.</summary>
public static class ErrorReport
{
    /// <summary>The report's name for a file: <c>NAME.errors.csv</c>.</summary>
    public static string NameFor(string fileName) => Path.GetFileName(fileName) + ".errors.csv";

    /// <summary>Writes the report of <paramref name="fileName"/> into <paramref name="directory"/> and
    /// returns its path. Written to a new temporary name (exclusive create: a link planted there is never
    /// followed) and renamed into place, so a reader sees the old report or the whole new one. Throws when
    /// the folder cannot be written: there is no fallback to a shared temporary folder, where anyone could
    /// read the file's values or plant a link under its predictable name.</summary>
    public static string Write(string fileName, IReadOnlyList<RowError> errors, string directory)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, NameFor(fileName));
        var file = Path.GetFileName(fileName);
        AtomicFile.Write(path, stream =>
        {
            using var writer = CsvOutput.ToStream(stream, leaveOpen: true);
            writer.WriteHeader(["file", "line", "column", "value", "reason"]);
            foreach (var e in errors)
            {
                writer.WriteRecord([file, e.Line.ToString(CultureInfo.InvariantCulture), e.Column ?? "", e.Value ?? "", e.Reason]);
            }
        });
        return path;
    }
}
