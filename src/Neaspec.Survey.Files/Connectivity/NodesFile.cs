using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>NODES.csv of file mode: id,lon,lat,attribute and an optional country column, in any order; one
/// site per line, ids unique, coordinates in WGS84 degrees, attribute (the node weight a_i) >= 0.</summary>
internal static class NodesFile
{
    /// <summary>The sites of <paramref name="path"/>; what is wrong goes to <paramref name="errors"/>.</summary>
    public static List<SiteNode> Read(string path, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        var nodes = new List<SiteNode>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        using var records = CsvRecords.ReadAsWritten(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header id,lon,lat,attribute[,country]"));
            return nodes;
        }
        var header = InputFields.Header(records.Current, file, ["id", "lon", "lat", "attribute"], errors);
        if (header is null)
        {
            return nodes;
        }
        var countryAt = Array.FindIndex(records.Current.Fields, f => string.Equals(f.Trim(), "country", StringComparison.OrdinalIgnoreCase));
        while (records.MoveNext() && errors.Count < InputFields.MaxErrors)
        {
            var (line, fields) = records.Current;
            if (InputFields.TooShort(file, (line, fields), header, errors))
            {
                continue;
            }
            var id = fields[header["id"]].Trim();
            var ok = true;
            if (id.Length == 0)
            {
                errors.Add(new InputError(file, line, "id", "", "the site id is empty"));
                ok = false;
            }
            else if (firstLine.TryGetValue(id, out var first))
            {
                errors.Add(new InputError(file, line, "id", id, $"the id is already used on line {first}"));
                ok = false;
            }
            ok &= InputFields.Number(file, line, "lon", fields[header["lon"]], -180, 180, errors, out var lon);
            ok &= InputFields.Number(file, line, "lat", fields[header["lat"]], -90, 90, errors, out var lat);
            ok &= InputFields.Number(file, line, "attribute", fields[header["attribute"]], 0, double.MaxValue, errors, out var attribute);
            var country = countryAt >= 0 && countryAt < fields.Length ? fields[countryAt].Trim() : null;
            if (ok)
            {
                firstLine[id] = line;
                nodes.Add(new SiteNode(id, lon, lat, attribute, string.IsNullOrEmpty(country) ? null : country));
            }
        }
        if (nodes.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(file, 2, "(row)", "", "the file has a header but no site"));
        }
        if (errors.Count == 0 && nodes.Sum(x => x.Weight) <= 0)
        {
            errors.Add(new InputError(file, 0, "attribute", "0", "every attribute is 0, so there is nothing to connect"));
        }
        return nodes;
    }
}
