using System.Globalization;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Thresholds;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Report.Thresholds;

/// <summary>
/// Admins' edits of the <c>population_estimates</c> table (<c>neaspec thresholds set|import|delete</c>, the portal's
/// Thresholds page): the species resolved through the catalogue (any language, synonyms), every figure checked, and a
/// file imported all or nothing. Rows go through <see cref="PopulationEstimateCatalogue"/>.
/// </summary>
public static class PopulationEstimateEditor
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Adds or replaces one population's figure; the problems (named by field) when it is refused.</summary>
    /// <returns>The row as stored, or null with <paramref name="problems"/> filled.</returns>
    public static async Task<PopulationEstimate?> SetAsync(SurveyDatabase database, PopulationEstimateEdit edit, string? by, List<string> problems,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(problems);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var resolver = await SpeciesResolver.LoadAsync(conn, cancellationToken);
        var row = Check(resolver, edit, (field, value, reason) => problems.Add($"--{field}: '{value}' {reason}"));
        if (row is null)
        {
            return null;
        }
        await PopulationEstimateCatalogue.UpsertAsync(conn, row, by, cancellationToken: cancellationToken);
        return row;
    }

    /// <summary>Imports a file of estimates (<see cref="PopulationEstimatesFile"/>) in one transaction: every row is
    /// stored, or none when any row is refused.</summary>
    /// <returns>The rows stored, or null with <paramref name="errors"/> filled.</returns>
    public static async Task<IReadOnlyList<PopulationEstimate>?> ImportAsync(SurveyDatabase database, string path, string? by, List<InputError> errors,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(errors);
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(new InputError(file, 0, "", "", "no such file"));
            return null;
        }
        var rows = PopulationEstimatesFile.Read(path, errors);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var resolver = await SpeciesResolver.LoadAsync(conn, cancellationToken);
        var checkedRows = new List<PopulationEstimate>();
        var firstLine = new Dictionary<(string, string), int>();
        foreach (var r in rows)
        {
            var edit = new PopulationEstimateEdit(r.Species, r.Population, r.Estimate, r.OnePercentThreshold, r.Source, r.Year, r.Note);
            if (Check(resolver, edit, (field, value, reason) => errors.Add(new InputError(file, r.Line, Column(field), value, reason))) is not { } row)
            {
                continue;
            }
            // By the resolved name: 두루미 and Grus japonensis are one species, and a population twice is a typing error.
            if (firstLine.TryGetValue((row.Species, row.Population.ToUpperInvariant()), out var first))
            {
                errors.Add(new InputError(file, r.Line, "population", r.Population, $"{row.Species}, {row.Population} is already on line {first}"));
                continue;
            }
            firstLine[(row.Species, row.Population.ToUpperInvariant())] = r.Line;
            checkedRows.Add(row);
        }
        if (errors.Count > 0)
        {
            return null;
        }
        await using var transaction = await conn.BeginTransactionAsync(cancellationToken);
        foreach (var row in checkedRows)
        {
            await PopulationEstimateCatalogue.UpsertAsync(conn, row, by, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return checkedRows;
    }

    /// <summary>Deletes one population's row; null with the problem when the species is unknown, false when it had no
    /// such population.</summary>
    public static async Task<bool?> DeleteAsync(SurveyDatabase database, string species, string population, List<string> problems,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(problems);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var scientific = (await SpeciesResolver.LoadAsync(conn, cancellationToken)).Resolve(species);
        if (scientific is null)
        {
            problems.Add($"--species: '{species}' is not in the species catalogue (scientific name, synonym or common name)");
            return null;
        }
        return await PopulationEstimateCatalogue.DeleteAsync(conn, scientific, population.Trim(), cancellationToken);
    }

    /// <summary>The row to store, or null after reporting each problem as (field, value, reason).</summary>
    private static PopulationEstimate? Check(SpeciesResolver resolver, PopulationEstimateEdit e, Action<string, string, string> problem)
    {
        var species = resolver.Resolve(e.Species);
        var failed = false;
        void Fail(string field, string value, string reason)
        {
            failed = true;
            problem(field, value, reason);
        }
        if (species is null)
        {
            Fail("species", e.Species, "is not in the species catalogue (scientific name, synonym or common name)");
        }
        if (string.IsNullOrWhiteSpace(e.Population))
        {
            Fail("population", e.Population, "is empty: name the flyway population, e.g. East Asia");
        }
        if (e.Estimate <= 0)
        {
            Fail("estimate", e.Estimate.ToString(Invariant), "is not a number of individuals above 0");
        }
        var threshold = e.OnePercentThreshold ?? (e.Estimate > 0 ? PopulationEstimateCatalogue.OnePercentOf(e.Estimate) : 0);
        if (e.OnePercentThreshold is { } t && (t <= 0 || t > e.Estimate))
        {
            Fail("threshold", t.ToString(Invariant), "must be above 0 and at most the estimate");
        }
        if (string.IsNullOrWhiteSpace(e.Source))
        {
            Fail("source", e.Source, "is empty: cite where the figure comes from (authors or body, year, title)");
        }
        if (e.Year is < 1900 or > 2200)
        {
            Fail("year", e.Year.ToString(Invariant), "is not the year of an estimate");
        }
        return failed ? null : new PopulationEstimate
        {
            Species = species!,
            Population = e.Population.Trim(),
            Estimate = e.Estimate,
            OnePercentThreshold = threshold,
            Source = e.Source.Trim(),
            Year = e.Year,
            Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
        };
    }

    private static string Column(string field) => field == "threshold" ? "one_percent_threshold" : field;
}
