using System.Globalization;

namespace Neaspec.Survey.Files.Thresholds;

/// <summary>
/// Reads a file of flyway population estimates for <c>neaspec thresholds import</c>:
/// <c>species,population,estimate,one_percent_threshold,source,year,note</c> (any order and case;
/// <c>one_percent_threshold</c> and <c>note</c> may be missing or blank). Refused, each with file, line, column and
/// value: a missing column, an empty species, population or source, an estimate or threshold that is not a whole
/// number above 0, and a year that is not a year. (A population given twice is found by the caller, once the species'
/// names are resolved: 두루미 and Grus japonensis are one species.)
/// </summary>
public static class PopulationEstimatesFile
{
    /// <summary>The columns a file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = ["species", "population", "estimate", "source", "year"];

    private const string Threshold = "one_percent_threshold";
    private const string Note = "note";

    /// <summary>The good rows; the reasons for the others (and for a bad header: then no row) in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<PopulationEstimateRow> Read(string path, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var file = Path.GetFileName(path);
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", $"the file is empty; expected the header {string.Join(",", Required)},{Threshold},{Note}"));
            return [];
        }
        var header = records.Current.Fields;
        int At(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        foreach (var name in Required.Where(n => At(n) < 0))
        {
            errors.Add(new InputError(file, 1, name, string.Join(",", header), $"the header has no '{name}' column; expected {string.Join(",", Required)} (and {Threshold}, {Note})"));
        }
        if (errors.Count > 0)
        {
            return [];
        }
        var rows = new List<PopulationEstimateRow>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            string Field(string name) => At(name) is var k && k >= 0 && k < fields.Length ? fields[k] : "";
            var before = errors.Count;
            foreach (var name in new[] { "species", "population", "source" }.Where(n => Field(n).Length == 0))
            {
                errors.Add(new InputError(file, line, name, "", $"the {name} is empty"));
            }
            var estimate = Whole(file, line, "estimate", Field("estimate"), required: true, errors);
            var threshold = Whole(file, line, Threshold, Field(Threshold), required: false, errors);
            var year = Year(file, line, Field("year"), errors);
            if (errors.Count > before)
            {
                continue;
            }
            var note = Field(Note);
            rows.Add(new PopulationEstimateRow(line, Field("species"), Field("population"), estimate!.Value, threshold, Field("source"), year!.Value,
                note.Length > 0 ? note : null));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(file, 2, "(row)", "", "the file has a header but no estimates"));
        }
        return rows;
    }

    private static int? Whole(string file, int line, string column, string text, bool required, List<InputError> errors)
    {
        if (text.Length == 0 && !required)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }
        errors.Add(new InputError(file, line, column, text, "give a whole number of individuals above 0, digits only"));
        return null;
    }

    private static int? Year(string file, int line, string text, List<InputError> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            return year;
        }
        errors.Add(new InputError(file, line, "year", text, "not a year: give the year of the estimate as four digits"));
        return null;
    }
}
