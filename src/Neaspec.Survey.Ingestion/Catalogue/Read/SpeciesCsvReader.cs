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

    /// <summary>The file's entries; what is wrong with it goes to <paramref name="errors"/> (file-level problems on line 1:
    /// an empty file, an unreadable or not-UTF-8 header). A row with an error gives no entry.</summary>
    public static List<SpeciesEntry> Read(string path, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var entries = new List<SpeciesEntry>();
        if (new FileInfo(path).Length == 0)
        {
            errors.Add(new RowError(1, null, null, "the file is empty (no header, no rows)"));
            return entries;
        }
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true });
        var columns = Header(reader, errors);
        if (columns is null)
        {
            return entries;
        }
        while (reader.Read())
        {
            var before = errors.Count;
            var entry = Row(reader, columns, errors);
            if (errors.Count == before)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>The header's columns, or null with the reason (line 1) when there are none to read.</summary>
    private static SpeciesColumns? Header(CsvReader reader, List<RowError> errors)
    {
        IReadOnlyList<string> headers;
        try
        {
            headers = [.. reader.Headers];
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new RowError(1, null, null, $"unreadable header: {ex.Message}"));
            return null;
        }
        if (headers.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            errors.Add(new RowError(1, null, string.Join(reader.Separator, headers), "the header is not UTF-8 text: save the file as 'CSV UTF-8'"));
            return null;
        }
        return SpeciesColumns.Map(headers, errors);
    }

    /// <summary>The current row as written; its errors (too many fields, text that is not UTF-8, a line break left
    /// by a quote never closed, no scientific name) go to <paramref name="errors"/>.</summary>
    private static SpeciesEntry Row(CsvReader reader, SpeciesColumns columns, List<RowError> errors)
    {
        var line = reader.LineNumber;
        if (reader.FieldCount > columns.Headers.Count)
        {
            errors.Add(new RowError(line, null, reader.Current.ToString(),
                $"the row has {reader.FieldCount} fields but the header has {columns.Headers.Count}: an unquoted separator in a value?"));
        }
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
            else if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                // No name, synonym, rank or flag holds a line break; a quote opened and never closed leaves one.
                errors.Add(new RowError(line, columns.Headers[i], text, "the value holds a line break: a quote (\") opened and not closed?"));
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
        return new SpeciesEntry(line, scientific!, rank, flagship, synonyms, names);
    }

    private static List<SpeciesValue> Split(SpeciesValue? cell) => cell is null ? [] :
        [.. cell.Value.Split(NameSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => cell with { Value = v })];
}
