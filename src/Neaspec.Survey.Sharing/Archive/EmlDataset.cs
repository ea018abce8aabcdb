using System.Globalization;

namespace Neaspec.Survey.Sharing.Archive;

/// <summary>The metadata of one archive, written as eml.xml by <see cref="Eml"/>.</summary>
public sealed record EmlDataset
{
    /// <summary>The dataset's identifier (EML packageId): stable for the same title and namespace.</summary>
    public required string PackageId { get; init; }
    public required string Title { get; init; }
    public required string Abstract { get; init; }
    public required string Publisher { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public required Licence Licence { get; init; }
    public required string Citation { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required Coverage Coverage { get; init; }
    /// <summary>How the data were collected and processed (one paragraph per entry).</summary>
    public required IReadOnlyList<string> Methods { get; init; }
    /// <summary>The GBIF dataset type (<c>Samplingevent</c>, <c>Occurrence</c>), written as a keyword of the GBIF
    /// Dataset Type Vocabulary as the IPT writes it.</summary>
    public required string DatasetType { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The metadata of an archive as the <c>Sharing:*</c> settings describe its publisher, licence and
    /// citation (when no citation is set: "Publisher (year). Title. Sampling event dataset." or "... Occurrence
    /// dataset."). <paramref name="kind"/> (counts, tracks) and the title make the stable packageId.</summary>
    public static EmlDataset Describe(SharingOptions options, string kind, string datasetType, string title, string abstractText,
        Coverage coverage, IReadOnlyList<string> methods, IReadOnlyList<string> keywords, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = datasetType == "Samplingevent" ? "Sampling event" : datasetType;
        return new EmlDataset
        {
            PackageId = StableId.Create(options.IdSpace, $"dataset|{kind}|{title}"),
            Title = title,
            Abstract = abstractText,
            Publisher = options.Publisher,
            ContactName = options.ContactName,
            ContactEmail = options.ContactEmail,
            Licence = options.Licence,
            Citation = string.IsNullOrWhiteSpace(options.Citation)
                ? string.Create(CultureInfo.InvariantCulture, $"{options.Publisher} ({created.Year}). {title}. {type} dataset.")
                : options.Citation,
            Created = created,
            Coverage = coverage,
            Methods = methods,
            DatasetType = datasetType,
            Keywords = keywords,
        };
    }
}
