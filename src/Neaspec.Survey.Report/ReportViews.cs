using System.Globalization;
using Neaspec.Survey.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Report;

/// <summary>
/// Fills the two PostGIS tables for QGIS that the migration <c>ReportTables</c> creates:
/// <c>report_site_connectivity</c> (geometry(Point,4326): a site's weight, rank, dPC and fractions for one
/// species, season, year and d0) and <c>report_links</c> (geometry(LineString,4326): p and flux of the links
/// drawn). Each report replaces its own species/season/year/d0 rows in one transaction; other reports' rows stay.
/// </summary>
public static class ReportViews
{
    /// <summary>The table of per-site values.</summary>
    public const string SitesTable = "report_site_connectivity";

    /// <summary>The table of links.</summary>
    public const string LinksTable = "report_links";

    private const string InsertSite = $"""
        insert into {SitesTable} (species, season, year, distance_km, link_source, weighting, site_code, site_name, country,
            weight, rank, dpc, dpc_intra, dpc_flux, dpc_connector, diic, bc, generated_at, geom)
        values (@species, @season, @year, @d, @source, @weighting, @code, @name, @country, @weight, @rank, @dpc, @intra, @flux,
            @connector, @diic, @bc, @at, st_setsrid(st_makepoint(@lon, @lat), 4326))
        """;

    private const string InsertLink = $"""
        insert into {LinksTable} (species, season, year, distance_km, link_source, directed, from_site, to_site, length_km, p, flux,
            individuals, generated_at, geom)
        values (@species, @season, @year, @d, @source, @directed, @from, @to, @length, @p, @flux, @individuals, @at,
            st_setsrid(st_makeline(st_makepoint(@lon1, @lat1), st_makepoint(@lon2, @lat2)), 4326))
        """;

    /// <summary>Replaces the rows of the report's species, season, year and distances with the report's values.</summary>
    public static async Task RefreshAsync(SurveyDatabase database, ConnectivityReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(report);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(conn, tx, report, cancellationToken);
        foreach (var run in report.Runs)
        {
            foreach (var table in new[] { SitesTable, LinksTable })
            {
                await using var delete = new NpgsqlCommand(
                    $"delete from {table} where species = @species and season = @season and year = @year and distance_km is not distinct from @d", conn, tx);
                AddRunKey(delete.Parameters, report, run);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var batch = new NpgsqlBatch(conn, tx);
            AddSites(batch, report, run);
            AddLinks(batch, report, run);
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Two runs of the same report at once would both delete, then both insert: they take turns.</summary>
    private static async Task TakeTurnAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ConnectivityReport report, CancellationToken cancellationToken)
    {
        var i = report.Inputs;
        await using var turn = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('neaspec.report:' || @species || ':' || @season || ':' || @year))", conn, tx);
        turn.Parameters.AddWithValue("species", i.Species);
        turn.Parameters.AddWithValue("season", i.Window.Season.Name);
        turn.Parameters.AddWithValue("year", i.Window.Year.ToString(CultureInfo.InvariantCulture));
        await turn.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddSites(NpgsqlBatch batch, ConnectivityReport report, ReportRun run)
    {
        var i = report.Inputs;
        foreach (var (rank, node, v, site) in report.Ranking(run))
        {
            var cmd = new NpgsqlBatchCommand(InsertSite);
            AddRunKey(cmd.Parameters, report, run);
            cmd.Parameters.AddWithValue("source", run.Source);
            cmd.Parameters.AddWithValue("weighting", WeightingNames.Option(i.Request.Weighting));
            cmd.Parameters.AddWithValue("code", node.Id);
            cmd.Parameters.AddWithValue("name", site.Name(i.Request.Language));
            cmd.Parameters.AddWithValue("country", (object?)node.Country ?? DBNull.Value);
            cmd.Parameters.AddWithValue("weight", node.Weight);
            cmd.Parameters.AddWithValue("rank", rank);
            cmd.Parameters.AddWithValue("dpc", v.DPC);
            cmd.Parameters.AddWithValue("intra", v.DPCintra);
            cmd.Parameters.AddWithValue("flux", v.DPCflux);
            cmd.Parameters.AddWithValue("connector", v.DPCconnector);
            cmd.Parameters.AddWithValue("diic", v.DIIC);
            cmd.Parameters.AddWithValue("bc", v.BC);
            cmd.Parameters.AddWithValue("at", report.GeneratedAt);
            cmd.Parameters.AddWithValue("lon", node.Longitude);
            cmd.Parameters.AddWithValue("lat", node.Latitude);
            batch.BatchCommands.Add(cmd);
        }
    }

    private static void AddLinks(NpgsqlBatch batch, ConnectivityReport report, ReportRun run)
    {
        var nodes = run.Network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var link in run.Links)
        {
            var cmd = new NpgsqlBatchCommand(InsertLink);
            AddRunKey(cmd.Parameters, report, run);
            cmd.Parameters.AddWithValue("source", run.Source);
            cmd.Parameters.AddWithValue("directed", run.Network.IsDirected);
            cmd.Parameters.AddWithValue("from", link.From);
            cmd.Parameters.AddWithValue("to", link.To);
            cmd.Parameters.AddWithValue("length", link.LengthKm);
            cmd.Parameters.AddWithValue("p", link.Probability);
            cmd.Parameters.AddWithValue("flux", link.Flux);
            cmd.Parameters.Add(new NpgsqlParameter("individuals", NpgsqlDbType.Integer) { Value = (object?)link.Individuals ?? DBNull.Value });
            cmd.Parameters.AddWithValue("at", report.GeneratedAt);
            cmd.Parameters.AddWithValue("lon1", nodes[link.From].Longitude);
            cmd.Parameters.AddWithValue("lat1", nodes[link.From].Latitude);
            cmd.Parameters.AddWithValue("lon2", nodes[link.To].Longitude);
            cmd.Parameters.AddWithValue("lat2", nodes[link.To].Latitude);
            batch.BatchCommands.Add(cmd);
        }
    }

    private static void AddRunKey(NpgsqlParameterCollection parameters, ConnectivityReport report, ReportRun run)
    {
        parameters.AddWithValue("species", report.Inputs.Species);
        parameters.AddWithValue("season", report.Inputs.Window.Season.Name);
        parameters.AddWithValue("year", report.Inputs.Window.Year);
        parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Double) { Value = (object?)run.DistanceKm ?? DBNull.Value });
    }
}
