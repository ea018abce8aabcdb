using System.Globalization;
using System.Text;
using System.Xml;

namespace Neaspec.Survey.Sharing.Archive;

/// <summary>
/// Writes eml.xml in the GBIF Metadata Profile (EML 2.2.0, profile 1.3, https://rs.gbif.org/schema/eml-gbif-profile/1.3/):
/// title, creator, metadata provider, publication date, language, abstract, keywords, licence (intellectualRights
/// with the licence's URL, which GBIF reads), geographic, temporal and taxonomic coverage computed from the data,
/// contact, methods, and the citation in additionalMetadata. Elements come in the order the schema requires.
/// </summary>
public static class Eml
{
    public const string FileName = "eml.xml";
    private const string EmlNamespace = "https://eml.ecoinformatics.org/eml-2.2.0";
    private const string SchemaLocation = "https://eml.ecoinformatics.org/eml-2.2.0 https://rs.gbif.org/schema/eml-gbif-profile/1.3/eml.xsd";

    internal static XmlWriterSettings XmlSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        NewLineChars = "\n",
        CloseOutput = false,
    };

    public static void Write(Stream stream, EmlDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("eml", "eml", EmlNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/terms/");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", SchemaLocation);
        xml.WriteAttributeString("packageId", dataset.PackageId);
        xml.WriteAttributeString("system", "http://gbif.org");
        xml.WriteAttributeString("scope", "system");
        xml.WriteAttributeString("xml", "lang", null, "eng");

        xml.WriteStartElement("dataset");
        xml.WriteElementString("alternateIdentifier", dataset.PackageId);
        xml.WriteElementString("title", dataset.Title);
        Party(xml, "creator", dataset);
        Party(xml, "metadataProvider", dataset);
        xml.WriteElementString("pubDate", dataset.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteElementString("language", "eng");
        Paragraphs(xml, "abstract", [dataset.Abstract]);
        xml.WriteStartElement("keywordSet");
        xml.WriteElementString("keyword", dataset.DatasetType);
        xml.WriteElementString("keywordThesaurus", "GBIF Dataset Type Vocabulary: http://rs.gbif.org/vocabulary/gbif/dataset_type_2015-07-10.xml");
        xml.WriteEndElement();
        if (dataset.Keywords.Count > 0)
        {
            xml.WriteStartElement("keywordSet");
            foreach (var keyword in dataset.Keywords)
            {
                xml.WriteElementString("keyword", keyword);
            }
            xml.WriteElementString("keywordThesaurus", "n/a");
            xml.WriteEndElement();
        }
        Rights(xml, dataset.Licence);
        CoverageElement(xml, dataset.Coverage);
        Party(xml, "contact", dataset);
        Methods(xml, dataset.Methods);
        xml.WriteEndElement(); // dataset

        xml.WriteStartElement("additionalMetadata");
        xml.WriteStartElement("metadata");
        xml.WriteStartElement("gbif");
        xml.WriteElementString("dateStamp", dataset.Created.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        xml.WriteElementString("hierarchyLevel", "dataset");
        xml.WriteElementString("citation", dataset.Citation);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement(); // eml
        xml.WriteEndDocument();
    }

    private static void Party(XmlWriter xml, string element, EmlDataset dataset)
    {
        xml.WriteStartElement(element);
        if (!string.IsNullOrWhiteSpace(dataset.ContactName))
        {
            xml.WriteStartElement("individualName");
            xml.WriteElementString("surName", dataset.ContactName.Trim());
            xml.WriteEndElement();
        }
        xml.WriteElementString("organizationName", dataset.Publisher);
        if (!string.IsNullOrWhiteSpace(dataset.ContactEmail))
        {
            xml.WriteElementString("electronicMailAddress", dataset.ContactEmail.Trim());
        }
        xml.WriteEndElement();
    }

    private static void Rights(XmlWriter xml, Licence licence)
    {
        xml.WriteStartElement("intellectualRights");
        xml.WriteStartElement("para");
        xml.WriteString("This work is licensed under a ");
        xml.WriteStartElement("ulink");
        xml.WriteAttributeString("url", licence.Url.ToString());
        xml.WriteElementString("citetitle", licence.Title);
        xml.WriteEndElement();
        xml.WriteString(".");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void CoverageElement(XmlWriter xml, Coverage coverage)
    {
        if (!coverage.HasPlaces && coverage.First is null && coverage.Taxa.Count == 0)
        {
            return;
        }
        xml.WriteStartElement("coverage");
        if (coverage.HasPlaces)
        {
            xml.WriteStartElement("geographicCoverage");
            xml.WriteElementString("geographicDescription", coverage.Countries.Count > 0
                ? $"Sites in {string.Join(", ", coverage.Countries)} (ISO 3166-1 country codes); the bounding box of the coordinates as published."
                : "The bounding box of the coordinates as published.");
            xml.WriteStartElement("boundingCoordinates");
            xml.WriteElementString("westBoundingCoordinate", Degrees(coverage.West));
            xml.WriteElementString("eastBoundingCoordinate", Degrees(coverage.East));
            xml.WriteElementString("northBoundingCoordinate", Degrees(coverage.North));
            xml.WriteElementString("southBoundingCoordinate", Degrees(coverage.South));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (coverage.First is { } first && coverage.Last is { } last)
        {
            xml.WriteStartElement("temporalCoverage");
            xml.WriteStartElement("rangeOfDates");
            xml.WriteStartElement("beginDate");
            xml.WriteElementString("calendarDate", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("endDate");
            xml.WriteElementString("calendarDate", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (coverage.Taxa.Count > 0)
        {
            xml.WriteStartElement("taxonomicCoverage");
            foreach (var (name, english) in coverage.Taxa)
            {
                xml.WriteStartElement("taxonomicClassification");
                if (DwcTerms.RankOf(name) is { } rank)
                {
                    xml.WriteElementString("taxonRankName", rank);
                }
                xml.WriteElementString("taxonRankValue", name);
                if (english is not null)
                {
                    xml.WriteElementString("commonName", english);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Methods(XmlWriter xml, IReadOnlyList<string> methods)
    {
        if (methods.Count == 0)
        {
            return;
        }
        xml.WriteStartElement("methods");
        foreach (var method in methods)
        {
            xml.WriteStartElement("methodStep");
            Paragraphs(xml, "description", [method]);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter xml, string element, IEnumerable<string> paragraphs)
    {
        xml.WriteStartElement(element);
        foreach (var p in paragraphs)
        {
            xml.WriteElementString("para", p);
        }
        xml.WriteEndElement();
    }

    private static string Degrees(double value) => Math.Round(value, 5).ToString("0.#####", CultureInfo.InvariantCulture);
}
