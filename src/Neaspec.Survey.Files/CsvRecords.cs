using CsvHelper;

namespace Neaspec.Survey.Files;

/// <summary>The records of a small input CSV file (CsvHelper: quotes, BOM, comma/semicolon/tab detected), each with
/// the physical line it starts on so errors can name it. The header is the first record.</summary>
internal static class CsvRecords
{
    public readonly record struct Record(int Line, string[] Fields);

    /// <summary>The records with each field trimmed, the BOM off the first field and lines of empty fields (a
    /// spreadsheet's trailing ",,,") skipped.</summary>
    public static IEnumerable<Record> Read(string path) => Read(path, clean: true);

    /// <summary>
    /// The records as written: fields untrimmed and every line kept. The connectivity file mode reads this way, so
    /// that an error quotes the value as written and a line of empty fields is reported (no site id), not passed over.
    /// </summary>
    public static IEnumerable<Record> ReadAsWritten(string path) => Read(path, clean: false);

    private static IEnumerable<Record> Read(string path, bool clean)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                var field = reader.GetString(i) ?? "";
                fields[i] = clean ? field.Trim() : field;
            }
            if (clean)
            {
                if (fields.Length > 0)
                {
                    fields[0] = fields[0].TrimStart('\uFEFF');
                }
                // A line of empty fields (a spreadsheet's trailing ",,,") is no record.
                if (fields.All(f => f.Length == 0))
                {
                    continue;
                }
            }
            yield return new Record((int)reader.LineNumber, fields);
        }
    }
}
