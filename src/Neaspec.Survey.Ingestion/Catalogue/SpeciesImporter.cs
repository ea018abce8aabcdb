using Neaspec.Survey.Ingestion.Catalogue.Load;
using Neaspec.Survey.Ingestion.Catalogue.Read;
using Neaspec.Survey.Ingestion.Catalogue.Validate;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>Adds species and names to the catalogue from an admin's file (<see cref="SpeciesCsvReader"/>). All or
/// nothing: one bad row — a bad rank, a name that would lead to two species — rejects the file. Nothing is taken
/// away (docs/species.md).</summary>
public sealed class SpeciesImporter : IFileImporter
{
    public string Kind => ImportKind.Species;

    public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var name = claimed.File.Name;
        var errors = new List<RowError>();
        var entries = SpeciesCsvReader.Read(claimed.File.Path, errors);
        var validator = await SpeciesEntryValidator.LoadAsync(claimed.Connection, cancellationToken);
        var changes = entries.Select(e => validator.Validate(e, errors)).OfType<SpeciesChange>().ToList();
        if (errors.Count == 0 && entries.Count == 0)
        {
            errors.Add(new RowError(1, null, null, "the file holds no species"));
        }
        if (errors.Count > 0)
        {
            var ordered = errors.OrderBy(e => e.Line).ToList();
            return new ImportOutcome
            {
                Status = ImportStatus.Rejected, Message = $"{name}: rejected, nothing stored: {errors.Count} error(s), first: {ordered[0]}",
                RowsRead = entries.Count, RowsRejected = errors.Select(e => e.Line).Distinct().LongCount(),
                Errors = ordered, ErrorCount = errors.Count, Details = new SpeciesImportDetails(0, 0, 0),
            };
        }
        var (added, updated, names) = await SpeciesUpsert.RunAsync(claimed.Connection, changes, claimed.ImportId, cancellationToken);
        var folds = validator.FoldCollisions.Count == 0 ? "" :
            $"; names of two species that differ only between Traditional and Simplified characters resolve only as written: " +
            string.Join(", ", validator.FoldCollisions);
        return new ImportOutcome
        {
            Status = ImportStatus.Succeeded, Message = $"{name}: {added} species added, {updated} updated, {names} name(s) added{folds}",
            RowsRead = entries.Count, RowsAccepted = entries.Count, Details = new SpeciesImportDetails(added, updated, names),
        };
    }
}
