using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Files;
using Neaspec.Survey.Ingestion.Catalogue;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>The species catalogue with every name per language; an admin adds species and names from a species file
/// (the importer of <c>neaspec species import</c>, docs/species.md), downloads the catalogue as one, and marks species
/// sensitive: shared archives generalise every site where a sensitive species was counted, and every fix of it
/// (docs/sharing.md).</summary>
public sealed class SpeciesModel(UserManager<PortalUser> users, SurveyDatabase database, UploadProcessor processor) : AdminImportModel(users)
{
    public IReadOnlyList<CatalogueSpecies> Species { get; private set; } = [];

    protected override string FileDescription => "species file";

    /// <summary>The catalogue as a species file (formula cells escaped), to edit and import back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var species = await SpeciesList.ReadAsync(database, cancellationToken);
        var body = new MemoryStream();
        using (var writer = CsvOutput.ToStream(body))
        {
            SpeciesList.WriteCsv(writer, species);
        }
        return File(body.ToArray(), "text/csv; charset=utf-8", "species.csv");
    }

    /// <summary>Imports a species file: kept and recorded like any upload, all or nothing.</summary>
    protected override Task<ImportOutcome> ImportAsync(PortalUser user, Stream content, string fileName, CancellationToken cancellationToken) =>
        processor.ProcessSpeciesAsync(user, content, fileName, cancellationToken);

    public async Task<IActionResult> OnPostSensitiveAsync(string? name, bool sensitive, CancellationToken cancellationToken)
    {
        var scientific = string.IsNullOrWhiteSpace(name) ? null : await SensitiveFlags.SetSpeciesAsync(database, name, sensitive, cancellationToken);
        Message = scientific is null ? $"No species '{name}' in the catalogue." : $"{scientific}: {(sensitive ? "sensitive" : "not sensitive")}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Species = await SpeciesList.ReadAsync(database, cancellationToken);
}
