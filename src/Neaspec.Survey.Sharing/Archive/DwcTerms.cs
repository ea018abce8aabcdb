namespace Neaspec.Survey.Sharing.Archive;

/// <summary>The terms the archives use, with their URIs (Darwin Core quick reference, https://dwc.tdwg.org/terms/;
/// the row types of the Darwin Core text guide, https://dwc.tdwg.org/text/). docs/sharing.md maps the schema to
/// them.</summary>
public static class DwcTerms
{
    public const string DwcNamespace = "http://rs.tdwg.org/dwc/terms/";

    /// <summary>Row type of a sampling event (the core of a sampling-event archive).</summary>
    public const string EventRowType = DwcNamespace + "Event";

    /// <summary>Row type of an occurrence (extension of events, or the core of the tracks archive).</summary>
    public const string OccurrenceRowType = DwcNamespace + "Occurrence";

    private static DwcTerm Dwc(string name) => new(name, DwcNamespace + name);

    // Record level
    public static readonly DwcTerm BasisOfRecord = Dwc("basisOfRecord");
    public static readonly DwcTerm DataGeneralizations = Dwc("dataGeneralizations");
    public static readonly DwcTerm InformationWithheld = Dwc("informationWithheld");

    // Event
    public static readonly DwcTerm EventId = Dwc("eventID");
    public static readonly DwcTerm EventDate = Dwc("eventDate");
    public static readonly DwcTerm SamplingProtocol = Dwc("samplingProtocol");

    // Location
    public static readonly DwcTerm LocationId = Dwc("locationID");
    public static readonly DwcTerm Locality = Dwc("locality");
    public static readonly DwcTerm CountryCode = Dwc("countryCode");
    public static readonly DwcTerm DecimalLatitude = Dwc("decimalLatitude");
    public static readonly DwcTerm DecimalLongitude = Dwc("decimalLongitude");
    public static readonly DwcTerm GeodeticDatum = Dwc("geodeticDatum");
    public static readonly DwcTerm CoordinateUncertaintyInMeters = Dwc("coordinateUncertaintyInMeters");

    // Occurrence and organism
    public static readonly DwcTerm OccurrenceId = Dwc("occurrenceID");
    public static readonly DwcTerm RecordedBy = Dwc("recordedBy");
    public static readonly DwcTerm IndividualCount = Dwc("individualCount");
    public static readonly DwcTerm OrganismQuantity = Dwc("organismQuantity");
    public static readonly DwcTerm OrganismQuantityType = Dwc("organismQuantityType");
    public static readonly DwcTerm OccurrenceStatus = Dwc("occurrenceStatus");
    public static readonly DwcTerm OccurrenceRemarks = Dwc("occurrenceRemarks");
    public static readonly DwcTerm OrganismId = Dwc("organismID");

    // Taxon
    public static readonly DwcTerm ScientificName = Dwc("scientificName");
    public static readonly DwcTerm TaxonRank = Dwc("taxonRank");
    public static readonly DwcTerm Kingdom = Dwc("kingdom");
    public static readonly DwcTerm VernacularName = Dwc("vernacularName");

    /// <summary>The extension's link to its core row: meta.xml's <c>coreid</c>, whose value is the eventID.</summary>
    public static readonly DwcTerm CoreId = new("coreid", DwcNamespace + "eventID");

    /// <summary>The geodetic datum of every coordinate the project stores (SRID 4326).</summary>
    public const string Wgs84 = "EPSG:4326";

    /// <summary>The rank of a scientific name from its form (ICZN: a binomen names a species, a trinomen a
    /// subspecies; one word a genus or higher, left blank). The catalogue keeps names, not ranks.</summary>
    public static string? RankOf(string scientificName)
    {
        ArgumentNullException.ThrowIfNull(scientificName);
        var words = scientificName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words switch
        {
            2 => "species",
            3 => "subspecies",
            _ => null,
        };
    }
}
