using System.Globalization;
using CsvHelper;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Files.Trends;

/// <summary>
/// Reads the counts of file mode: <c>site,year,count</c> (any order, any case), extra columns allowed and
/// usable as a covariate. A blank count is a missing site-year, <c>0</c> a real zero. Refused, each with file,
/// line, column and value: a count that is not a whole number >= 0, a year that is not a year, a site-year
/// given twice, an empty site or covariate value, and a covariate column the header does not have.
/// </summary>
public static class TrendCountsReader
{
    /// <summary>Earliest year accepted: bird censuses with counts at sites start in the 1900s; a smaller
    /// number is a typing error or a time point that is not a year.</summary>
    public const int FirstPlausibleYear = 1800;

    /// <summary>Latest year accepted.</summary>
    public const int LastPlausibleYear = 2100;

    private const int MaxErrors = 100;
    private static readonly string[] Required = ["site", "year", "count"];

    /// <summary>The counts, or null with the reasons in <paramref name="errors"/>.</summary>
    public static TrendInput? Read(string path, string? covariate, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var file = Path.GetFileName(path);
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        if (!reader.Read())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header site,year,count"));
            return null;
        }
        var header = Fields(reader).Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        var columns = Columns(file, header, covariate, errors);
        if (columns is null)
        {
            return null;
        }
        var counts = new List<SiteYearCount>();
        var firstLine = new Dictionary<(string, int), int>();
        var width = columns.Max() + 1;
        while (reader.Read() && errors.Count < MaxErrors)
        {
            var line = (int)reader.LineNumber;
            var fields = Fields(reader);
            if (fields.Length == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }
            if (fields.Length < width)
            {
                errors.Add(new InputError(file, line, "(row)", string.Join(",", fields), $"expected {width} fields or more, found {fields.Length}"));
                continue;
            }
            if (Row(file, line, fields, columns, header, firstLine, errors) is { } cell)
            {
                counts.Add(cell);
            }
        }
        if (counts.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(file, 2, "(row)", "", "the file has a header but no counts"));
        }
        return errors.Count > 0 ? null : new TrendInput { Counts = counts, CovariateNames = covariate is null ? [] : [header[columns[3]]] };
    }

    /// <summary>Positions of site, year, count and (when asked for) the covariate.</summary>
    private static int[]? Columns(string file, string[] header, string? covariate, List<InputError> errors)
    {
        var found = Required.Select(name => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase))).ToList();
        for (var k = 0; k < Required.Length; k++)
        {
            if (found[k] < 0)
            {
                errors.Add(new InputError(file, 1, Required[k], string.Join(",", header),
                    $"the header has no '{Required[k]}' column; expected site,year,count (and any covariate columns)"));
            }
        }
        if (covariate is not null)
        {
            var at = Array.FindIndex(header, h => string.Equals(h, covariate.Trim(), StringComparison.OrdinalIgnoreCase));
            if (at < 0 || found.Contains(at))
            {
                var others = header.Where((_, k) => !found.Contains(k)).ToArray();
                errors.Add(new InputError(file, 1, covariate, string.Join(",", header), at < 0
                    ? $"--covariate names a column the header does not have; covariate columns here: {(others.Length > 0 ? string.Join(", ", others) : "none")}"
                    : "site, year and count cannot be a covariate"));
            }
            found.Add(at);
        }
        return errors.Count > 0 ? null : [.. found];
    }

    private static SiteYearCount? Row(string file, int line, string[] fields, int[] columns, string[] header,
        Dictionary<(string, int), int> firstLine, List<InputError> errors)
    {
        var before = errors.Count;
        var site = fields[columns[0]].Trim();
        if (site.Length == 0)
        {
            errors.Add(new InputError(file, line, header[columns[0]], "", "the site is empty"));
        }
        var yearText = fields[columns[1]].Trim();
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < FirstPlausibleYear || year > LastPlausibleYear)
        {
            errors.Add(new InputError(file, line, header[columns[1]], fields[columns[1]],
                $"not a year: give the year as four digits, {FirstPlausibleYear}-{LastPlausibleYear}"));
        }
        var count = Count(file, line, header[columns[2]], fields[columns[2]], errors);
        string[] covariates = [];
        if (columns.Length > 3)
        {
            var value = fields[columns[3]].Trim();
            if (value.Length == 0)
            {
                errors.Add(new InputError(file, line, header[columns[3]], "", "the covariate is empty; every row needs its category"));
            }
            covariates = [value];
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (firstLine.TryGetValue((site, year), out var first))
        {
            errors.Add(new InputError(file, line, header[columns[1]], yearText,
                $"site {site} already has a row for {year} on line {first}; give one count per site and year"));
            return null;
        }
        firstLine[(site, year)] = line;
        return new SiteYearCount(site, year, count, covariates);
    }

    private static int? Count(string file, int line, string column, string text, List<InputError> errors)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }
        var reason = decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number < 0 ? "a count cannot be negative"
            : number != decimal.Truncate(number) ? "a count is a whole number of individuals"
            : number > int.MaxValue ? "too large for a count"
            : "write the count as digits only (12, not 12.0 or +12)"
            : "not a count: give a whole number >= 0, or leave it blank when the site was not counted";
        errors.Add(new InputError(file, line, column, text, reason));
        return null;
    }

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i) ?? "";
        }
        return fields;
    }
}
