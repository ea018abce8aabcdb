using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>
/// The <c>population_estimates</c> table: flyway population sizes and their 1 % thresholds (Ramsar criterion 6),
/// seeded with published figures that can be cited and edited by admins. Only figures whose source and year could be
/// read are seeded; each names its source, and admins should check them against the current Waterbird Population
/// Estimates (Wetlands International) and the EAAF Partnership's Conservation Status Review before relying on them.
/// </summary>
public static class PopulationEstimateCatalogue
{
    private const string SeedAuthor = "seed";

    /// <summary>The figures a new database starts with (docs/trends.md lists them with their sources).</summary>
    public static IReadOnlyList<PopulationEstimate> Seed { get; } =
    [
        new()
        {
            Species = SpeciesCatalogue.BlackFacedSpoonbill, Population = "global (East Asian wintering population)",
            Estimate = 7081, OnePercentThreshold = 71, Year = 2025,
            Source = "Yu, Y.T., Kong, P.Y., Li, C.H., Tse, Y.L.A. & Moulin, A.L. 2025. International Black-faced Spoonbill Census 2025. "
                + "The Hong Kong Bird Watching Society, Hong Kong",
            // 1 % of 7,081 = 70.81, rounded to the nearest bird.
            Note = "census total of 17-19 January 2025 (all wintering sites); 1 % = 70.81, rounded",
        },
        new()
        {
            Species = SpeciesCatalogue.HoodedCrane, Population = "East Asia (whole species)",
            Estimate = 14967, OnePercentThreshold = 150, Year = 2016,
            Source = "BirdLife International. Species factsheet: Grus monacha (datazone.birdlife.org), population justification: "
                + "14,000-16,000 individuals in winter 2014/2015 (J. Harris in litt. 2016)",
            // sqrt(14,000 x 16,000) = 14,966.6; 1 % = 149.7.
            Note = "range 14,000-16,000: geometric mean, as the EAAF Conservation Status Review (CSR1) summarises ranges",
        },
        new()
        {
            Species = SpeciesCatalogue.WhiteNapedCrane, Population = "eastern (wintering Korea and Japan)",
            Estimate = 5750, OnePercentThreshold = 58, Year = 2016,
            Source = "BirdLife International. Species factsheet: Antigone vipio (datazone.birdlife.org), population justification: "
                + "5,750 wintering in Korea/Japan from coordinated counts 2012/13-2014/15 (Harris & Mirande in prep.)",
            // 1 % of 5,750 = 57.5, rounded half away from zero.
            Note = "estimate of the coordinated winter counts; 1 % = 57.5, rounded",
        },
        new()
        {
            Species = SpeciesCatalogue.WhiteNapedCrane, Population = "western (wintering China)",
            Estimate = 707, OnePercentThreshold = 7, Year = 2016,
            Source = "BirdLife International. Species factsheet: Antigone vipio (datazone.birdlife.org), population justification: "
                + "500-1,000 individuals wintering in China",
            // sqrt(500 x 1,000) = 707.1; 1 % = 7.07.
            Note = "range 500-1,000: geometric mean, as the EAAF Conservation Status Review (CSR1) summarises ranges",
        },
    ];

    /// <summary>1 % of <paramref name="estimate"/> rounded to the nearest bird (half away from zero), at least 1: the
    /// threshold set when an admin gives an estimate without a published threshold.</summary>
    public static int OnePercentOf(int estimate) => Math.Max(1, (int)Math.Round(estimate / 100.0, MidpointRounding.AwayFromZero));

    /// <summary>Inserts the seed figures whose population is not in the table yet (by species and population), so an
    /// admin's edits stay. A seeded row an admin deleted comes back: replace its figure instead of deleting it.</summary>
    public static async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var estimate in Seed)
        {
            await using var cmd = new NpgsqlCommand(
                """
                insert into population_estimates (species, population, estimate, one_percent_threshold, source, year, note, updated_by)
                select $1, $2, $3, $4, $5, $6, $7, $8
                where exists (select 1 from species where scientific_name = $1)
                on conflict (species, population) do nothing
                """, connection);
            AddValues(cmd, estimate, SeedAuthor);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Every row, by species and population.</summary>
    public static async Task<IReadOnlyList<PopulationEstimate>> ListAsync(NpgsqlConnection connection, string? species = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand(
            """
            select id, species, population, estimate, one_percent_threshold, source, year, note, updated_at, updated_by
            from population_estimates where $1::text is null or species = $1 order by species, population
            """, connection);
        cmd.Parameters.AddWithValue((object?)species ?? DBNull.Value);
        var rows = new List<PopulationEstimate>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PopulationEstimate
            {
                Id = reader.GetInt32(0),
                Species = reader.GetString(1),
                Population = reader.GetString(2),
                Estimate = reader.GetInt32(3),
                OnePercentThreshold = reader.GetInt32(4),
                Source = reader.GetString(5),
                Year = reader.GetInt32(6),
                Note = reader.IsDBNull(7) ? null : reader.GetString(7),
                UpdatedAt = reader.GetDateTime(8),
                UpdatedBy = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }
        return rows;
    }

    /// <summary>Adds the population, or replaces its figure, source, year and note; true when it was new.</summary>
    public static async Task<bool> UpsertAsync(NpgsqlConnection connection, PopulationEstimate estimate, string? by,
        NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(estimate);
        await using var cmd = new NpgsqlCommand(
            """
            insert into population_estimates (species, population, estimate, one_percent_threshold, source, year, note, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (species, population) do update set estimate = excluded.estimate,
                one_percent_threshold = excluded.one_percent_threshold, source = excluded.source, year = excluded.year,
                note = excluded.note, updated_by = excluded.updated_by, updated_at = now()
            returning (xmax = 0)
            """, connection, transaction);
        AddValues(cmd, estimate, by);
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes a population's row; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(NpgsqlConnection connection, string species, string population,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand("delete from population_estimates where species = $1 and population = $2", connection);
        cmd.Parameters.AddWithValue(species);
        cmd.Parameters.AddWithValue(population);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void AddValues(NpgsqlCommand cmd, PopulationEstimate e, string? by)
    {
        cmd.Parameters.AddWithValue(e.Species);
        cmd.Parameters.AddWithValue(e.Population);
        cmd.Parameters.AddWithValue(e.Estimate);
        cmd.Parameters.AddWithValue(e.OnePercentThreshold);
        cmd.Parameters.AddWithValue(e.Source);
        cmd.Parameters.AddWithValue(e.Year);
        cmd.Parameters.AddWithValue((object?)e.Note ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)by ?? DBNull.Value);
    }
}
