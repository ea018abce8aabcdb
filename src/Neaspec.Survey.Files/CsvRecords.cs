using CsvHelper;

namespace Neaspec.Survey.Files;

/// <summary>The records of a small input CSV file (CsvHelper: quotes, BOM, comma/semicolon/tab detected), each with
/// the physical line it starts on so errors can name it. The header is the first record.</summary>
/// <remarks>The connectivity library's file mode still has its own copy; it goes when that file mode moves here.</remarks>
internal static class CsvRecords
{
    public readonly record struct Record(int Line, string[] Fields);

    public static IEnumerable<Record> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = (reader.GetString(i) ?? "").Trim();
            }
            if (fields.Length > 0)
            {
                fields[0] = fields[0].TrimStart('\uFEFF');
            }
            // A line of empty fields (a spreadsheet's trailing ",,,") is no record.
            if (fields.All(f => f.Length == 0))
            {
                continue;
            }
            yield return new Record((int)reader.LineNumber, fields);
        }
    }
}
