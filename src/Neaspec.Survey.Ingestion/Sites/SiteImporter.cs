using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites.Load;
using Neaspec.Survey.Ingestion.Sites.Read;
using Neaspec.Survey.Ingestion.Sites.Validate;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>Loads a sites file — CSV (see <see cref="SiteCsvReader"/>) or GeoJSON (see
/// <see cref="SiteGeoJsonReader"/>, by the extension .geojson or .json) — and upserts the sites by code. All
/// or nothing: one bad site rejects the file.</summary>
public sealed class SiteImporter : IFileImporter
{
    public string Kind => ImportKind.Sites;

    public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var name = claimed.File.Name;
        var errors = new List<RowError>();
        var isJson = name.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var sites = isJson ? SiteGeoJsonReader.Read(claimed.File.Path, claimed.Limits, errors) : SiteCsvReader.Read(claimed.OpenText(), claimed.Limits, errors);
        errors.AddRange(SiteValues.Duplicates(sites, "site_code"));
        if (errors.Count == 0 && sites.Count == 0)
        {
            errors.Add(new RowError(1, null, null, "the file holds no sites"));
        }
        if (errors.Count > 0)
        {
            return new ImportOutcome
            {
                Status = ImportStatus.Rejected, Message = $"{name}: rejected, nothing stored: {errors.Count} error(s), first: {errors[0]}",
                RowsRead = sites.Count, RowsRejected = errors.Select(e => e.Line).Distinct().LongCount(),
                Errors = errors, ErrorCount = errors.Count, Details = new SiteImportDetails(0, 0),
            };
        }
        var (inserted, updated) = await SiteUpsert.RunAsync(claimed.Connection, sites, claimed.ImportId, cancellationToken);
        return new ImportOutcome
        {
            Status = ImportStatus.Succeeded, Message = $"{name}: {inserted} site(s) added, {updated} updated",
            RowsRead = sites.Count, RowsAccepted = sites.Count, Details = new SiteImportDetails(inserted, updated),
        };
    }
}
