using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>
/// A Darwin Core Archive read back the way a consumer of the archive reads it, without any of the exporter's
/// code: unzip, parse meta.xml (https://dwc.tdwg.org/text/), split each data file by the delimiters meta.xml
/// declares (escaped as <c>\t</c>, <c>\n</c>; quoted fields when <c>fieldsEnclosedBy</c> is a quote), name each
/// column by the local name of its term URI, and join every extension row to its core row by <c>coreid</c>,
/// failing on an extension row whose core id does not exist.
/// </summary>
internal sealed class DwcArchive
{
    private static readonly XNamespace Text = "http://rs.tdwg.org/dwc/text/";

    private DwcArchive(IReadOnlyList<string> entries, DwcTable core, IReadOnlyList<DwcTable> extensions, XDocument eml, XDocument meta)
    {
        Entries = entries;
        Core = core;
        Extensions = extensions;
        Eml = eml;
        Meta = meta;
    }

    public IReadOnlyList<string> Entries { get; }
    public DwcTable Core { get; }
    public IReadOnlyList<DwcTable> Extensions { get; }
    public XDocument Eml { get; }
    public XDocument Meta { get; }

    /// <summary>The only extension (the counts archive has one: occurrences).</summary>
    public DwcTable Extension => Assert.Single(Extensions);

    public static DwcArchive Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var meta = XDocument.Load(Open(zip, "meta.xml"));
        var archive = meta.Root!;
        Assert.Equal(Text + "archive", archive.Name);
        var core = Table(zip, archive.Element(Text + "core") ?? throw new InvalidDataException("meta.xml has no core"), "id");
        var extensions = archive.Elements(Text + "extension").Select(e => Table(zip, e, "coreid")).ToList();
        var ids = core.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(core.Rows.Count, ids.Count); // core ids are unique
        foreach (var extension in extensions)
        {
            var orphan = extension.Rows.FirstOrDefault(r => !ids.Contains(r.Id));
            Assert.True(orphan is null, $"{extension.Location}: a row's coreid {orphan?.Id} is no id of {core.Location}");
        }
        var eml = XDocument.Load(Open(zip, archive.Attribute("metadata")?.Value ?? "eml.xml"));
        return new DwcArchive(entries, core, extensions, eml, meta);
    }

    /// <summary>The extension rows of one core row.</summary>
    public IEnumerable<DwcRow> RowsOf(DwcTable extension, DwcRow core) => extension.Rows.Where(r => r.Id == core.Id);

    private static Stream Open(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the archive has no {name}");
        var copy = new MemoryStream();
        using (var s = entry.Open())
        {
            s.CopyTo(copy);
        }
        copy.Position = 0;
        return copy;
    }

    private static DwcTable Table(ZipArchive zip, XElement element, string idElement)
    {
        var fields = Unescape(element.Attribute("fieldsTerminatedBy")?.Value ?? ",");
        var lines = Unescape(element.Attribute("linesTerminatedBy")?.Value ?? "\n");
        var enclosure = Unescape(element.Attribute("fieldsEnclosedBy")?.Value ?? "\"");
        var skip = int.Parse(element.Attribute("ignoreHeaderLines")?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("UTF-8", element.Attribute("encoding")?.Value);
        var location = element.Element(Text + "files")!.Element(Text + "location")!.Value;
        var idIndex = int.Parse(element.Element(Text + idElement)!.Attribute("index")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var terms = element.Elements(Text + "field").ToDictionary(
            f => int.Parse(f.Attribute("index")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            f => f.Attribute("term")!.Value);

        string content;
        using (var reader = new StreamReader(Open(zip, location), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            content = reader.ReadToEnd();
        }
        var records = Split(content, fields, lines, enclosure);
        var header = records.Take(skip).LastOrDefault() ?? [];
        var rows = records.Skip(skip).Select(values =>
        {
            var byTerm = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (index, term) in terms)
            {
                byTerm[LocalName(term)] = index < values.Length ? values[index] : "";
            }
            return new DwcRow(values[idIndex], byTerm, values);
        }).ToList();
        return new DwcTable(location, element.Attribute("rowType")!.Value, terms, header, rows);
    }

    public static string LocalName(string uri) => uri[(uri.LastIndexOfAny(['/', '#']) + 1)..];

    private static string Unescape(string value) =>
        value.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal);

    /// <summary>Records split by the declared delimiters; with an enclosure, enclosed fields may hold them.</summary>
    private static List<string[]> Split(string content, string fields, string lines, string enclosure)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < content.Length)
        {
            if (enclosure.Length == 1 && content[i] == enclosure[0] && (quoted || field.Length == 0))
            {
                if (quoted && i + 1 < content.Length && content[i + 1] == enclosure[0])
                {
                    field.Append(enclosure[0]);
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                i++;
                continue;
            }
            if (!quoted && string.CompareOrdinal(content, i, fields, 0, fields.Length) == 0)
            {
                record.Add(field.ToString());
                field.Clear();
                i += fields.Length;
                continue;
            }
            if (!quoted && string.CompareOrdinal(content, i, lines, 0, lines.Length) == 0)
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add([.. record]);
                record.Clear();
                i += lines.Length;
                continue;
            }
            field.Append(content[i]);
            i++;
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add([.. record]);
        }
        return records;
    }
}
