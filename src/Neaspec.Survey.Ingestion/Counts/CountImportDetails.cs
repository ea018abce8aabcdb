using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>What only a count import has to say.</summary>
/// <param name="Surveys">Survey visits the file's counts went into (new or updated).</param>
/// <param name="CountsReplaced">Earlier counts of those surveys and species that the file's replaced.</param>
/// <param name="ProvisionalSites">Codes of the sites the file created (unknown codes with a point).</param>
/// <param name="IgnoredColumns">Columns of the file the importer does not know and left alone.</param>
public sealed record CountImportDetails(long Surveys, long CountsReplaced, IReadOnlyList<string> ProvisionalSites,
    IReadOnlyList<string> IgnoredColumns) : ImportDetails;
