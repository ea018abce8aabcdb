using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>What only a sites import has to say: sites added and sites updated (by code).</summary>
public sealed record SiteImportDetails(int Inserted, int Updated) : ImportDetails;
