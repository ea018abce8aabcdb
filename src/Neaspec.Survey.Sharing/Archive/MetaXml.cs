using System.Xml;

namespace Neaspec.Survey.Sharing.Archive;

/// <summary>Writes an archive's descriptor, meta.xml, as the Darwin Core text guide (https://dwc.tdwg.org/text/)
/// defines it: one <c>core</c> and its <c>extension</c>s, each with its file, its delimiters and its columns by
/// index and term URI. The delimiters are those of <see cref="Files.ArchiveTextWriter"/>.</summary>
public static class MetaXml
{
    public const string FileName = "meta.xml";
    private const string TextNamespace = "http://rs.tdwg.org/dwc/text/";

    public static void Write(Stream stream, ArchiveTable core, IReadOnlyList<ArchiveTable> extensions, string metadata)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(extensions);
        using var xml = XmlWriter.Create(stream, Eml.XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("archive", TextNamespace);
        xml.WriteAttributeString("metadata", metadata);
        Table(xml, "core", "id", core);
        foreach (var extension in extensions)
        {
            Table(xml, "extension", "coreid", extension);
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Table(XmlWriter xml, string element, string idElement, ArchiveTable table)
    {
        xml.WriteStartElement(element, TextNamespace);
        xml.WriteAttributeString("encoding", "UTF-8");
        // Escaped as the text guide writes them: a backslash and a letter, not the control characters.
        xml.WriteAttributeString("fieldsTerminatedBy", "\\t");
        xml.WriteAttributeString("linesTerminatedBy", "\\n");
        xml.WriteAttributeString("fieldsEnclosedBy", "");
        xml.WriteAttributeString("ignoreHeaderLines", "1");
        xml.WriteAttributeString("rowType", table.RowType);
        xml.WriteStartElement("files", TextNamespace);
        xml.WriteElementString("location", TextNamespace, table.Location);
        xml.WriteEndElement();
        xml.WriteStartElement(idElement, TextNamespace);
        xml.WriteAttributeString("index", "0");
        xml.WriteEndElement();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            // The core's id column is also a field (eventID / occurrenceID) as the IPT declares it; an
            // extension's coreid column is only the link.
            if (i == 0 && element == "extension")
            {
                continue;
            }
            xml.WriteStartElement("field", TextNamespace);
            xml.WriteAttributeString("index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("term", table.Columns[i].Uri);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
