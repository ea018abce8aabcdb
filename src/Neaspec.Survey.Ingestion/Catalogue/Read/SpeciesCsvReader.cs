using CsvHelper;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Catalogue.Read;

/// <summary>Reads a species file (columns: <see cref="SpeciesColumns"/>; comma, semicolon or tab; UTF-8) into entries,
/// as written. A cell may hold several names or synonyms separated by <c>|</c>: <c>黑面琵鷺|黑臉琵鷺</c>. Catalogue
/// files are small (hundreds of rows): read whole.</summary>
public static class SpeciesCsvReader
{
    /// <summary>The separator of several names in one cell: a character no species name in any of the catalogue's
    /// languages uses, and not a CSV separator.</summary>
    public const char NameSeparator = '|';

    public static List<SpeciesEntry> Read(string path, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var entries = new List<SpeciesEntry>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true });
        var columns = SpeciesColumns.Map([.. reader.Headers], errors);
        if (columns is null)
        {
            return entries;
        }
        while (reader.Read())
        {
            var line = reader.LineNumber;
            var before = errors.Count;
            SpeciesValue? Get(int i)
            {
                var text = i >= 0 && i < reader.FieldCount ? reader.GetString(i)?.Trim() : null;
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }
                if (text.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    errors.Add(new RowError(line, columns.Headers[i], text, "not UTF-8 text: save the file as 'CSV UTF-8'"));
                }
                return new SpeciesValue(columns.Headers[i], text);
            }
            var scientific = Get(columns.Scientific);
            var rank = Get(columns.Rank) ?? new SpeciesValue(columns.Headers[columns.Rank], "");
            var (flagship, synonyms) = (Get(columns.Flagship), Split(Get(columns.Synonyms)));
            var names = columns.Names.SelectMany(n => Split(Get(n.Value)).Select((name, i) => new SpeciesEntryName(n.Key, name, i == 0))).ToList();
            if (scientific is null)
            {
                errors.Add(new RowError(line, columns.Headers[columns.Scientific], "", "scientific name is required"));
            }
            if (errors.Count == before)
            {
                entries.Add(new SpeciesEntry(line, scientific!, rank, flagship, synonyms, names));
            }
        }
        return entries;
    }

    private static List<SpeciesValue> Split(SpeciesValue? cell) => cell is null ? [] :
        [.. cell.Value.Split(NameSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => cell with { Value = v })];
}
