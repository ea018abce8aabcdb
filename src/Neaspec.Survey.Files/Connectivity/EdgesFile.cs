using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>EDGES.csv of file mode: from,to,p between sites of the nodes file. Undirected by default, where
/// i-j and j-i are one link and giving it twice is an error; directed, each row is the link from -> to.</summary>
internal static class EdgesFile
{
    /// <summary>The links of <paramref name="path"/>; what is wrong goes to <paramref name="errors"/>.</summary>
    public static List<SiteLink> Read(string path, List<SiteNode> nodes, bool directed, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        var ids = nodes.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var links = new List<SiteLink>();
        var firstLine = new Dictionary<(string, string), int>();
        using var records = CsvRecords.ReadAsWritten(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header from,to,p"));
            return links;
        }
        var header = InputFields.Header(records.Current, file, ["from", "to", "p"], errors);
        if (header is null)
        {
            return links;
        }
        while (records.MoveNext() && errors.Count < InputFields.MaxErrors)
        {
            var (line, fields) = records.Current;
            if (InputFields.TooShort(file, (line, fields), header, errors))
            {
                continue;
            }
            var from = fields[header["from"]].Trim();
            var to = fields[header["to"]].Trim();
            var ok = true;
            foreach (var (column, id) in new[] { ("from", from), ("to", to) })
            {
                if (!ids.Contains(id))
                {
                    errors.Add(new InputError(file, line, column, id, "no site with this id in the nodes file"));
                    ok = false;
                }
            }
            if (ok && from == to)
            {
                errors.Add(new InputError(file, line, "to", to, "a link from a site to itself; p_ii is 1 by definition"));
                ok = false;
            }
            ok &= InputFields.Number(file, line, "p", fields[header["p"]], 0, 1, errors, out var p);
            if (!ok)
            {
                continue;
            }
            var key = directed || string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from);
            if (firstLine.TryGetValue(key, out var first))
            {
                errors.Add(new InputError(file, line, "to", to,
                    $"the link {from}-{to} is already given on line {first}" + (directed ? "" : " (undirected: i-j and j-i are one link; use --directed for two)")));
                continue;
            }
            firstLine[key] = line;
            links.Add(new SiteLink(from, to, p));
        }
        return links;
    }
}
