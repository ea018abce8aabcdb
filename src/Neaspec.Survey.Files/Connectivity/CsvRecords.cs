using CsvHelper;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>The records of a small CSV file (CsvHelper: quotes, BOM, comma/semicolon/tab detected), each
/// with the physical line it starts on so errors can name it. The header is the first record.</summary>
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
                fields[i] = reader.GetString(i) ?? "";
            }
            yield return new Record((int)reader.LineNumber, fields);
        }
    }
}
