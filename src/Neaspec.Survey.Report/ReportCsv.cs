using CsvHelper;
using Neaspec.Survey.Connectivity.Uncertainty;
using Neaspec.Survey.Files;

namespace Neaspec.Survey.Report;

/// <summary>
/// The report's CSV tables, long format (one row per site, pair or run, with species, season, year and
/// distance_km on every row) so R reads them with one call and filters by distance. All go through
/// <see cref="CsvOutput"/>: text that a spreadsheet would run as a formula (a site name from an upload) is
/// escaped; numbers are written as numbers in round-trip precision, and an empty field is "not applicable"
/// (distance_km of a telemetry run, probability without distance decay, a share without countries).
/// </summary>
internal static class ReportCsv
{
    /// <summary>nodes.csv: species, season, year, distance_km, site code, name, country, coordinates, weight,
    /// rank by dPC, dPC, dPCintra, dPCflux, dPCconnector, dIIC, BC; then candidate (an unnamed site of tracked birds'
    /// stays), tagged_birds (present in the season) and unvisited_by_tagged_birds (a counted site none stayed at), the
    /// last two empty without telemetry; then the bootstrap intervals of dPC and its fractions (empty for distance
    /// decay, or without a bootstrap).</summary>
    public static async Task WriteNodesAsync(ConnectivityReport report, string path, CancellationToken cancellationToken)
    {
        var i = report.Inputs;
        await using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["species", "season", "year", "distance_km", "site_code", "site_name", "country", "longitude", "latitude",
            "weight", "rank", "dPC", "dPCintra", "dPCflux", "dPCconnector", "dIIC", "BC",
            "candidate", "tagged_birds", "unvisited_by_tagged_birds",
            .. Interval("dPC"), .. Interval("dPCintra"), .. Interval("dPCflux"), .. Interval("dPCconnector")]);
        foreach (var run in report.Runs)
        {
            foreach (var (rank, node, v, site) in report.Ranking(run))
            {
                RunKey(csv, report, run);
                csv.WriteField(node.Id);
                csv.WriteField(site.Name(i.Request.Language));
                csv.WriteField(site.Country);
                WriteNumbers(csv, node.Longitude, node.Latitude, node.Weight);
                csv.WriteField(rank);
                WriteNumbers(csv, v.DPC, v.DPCintra, v.DPCflux, v.DPCconnector, v.DIIC, v.BC);
                csv.WriteField(Bool(site.IsCandidate));
                csv.WriteField(ReportGeoJson.TaggedBirds(i, node.Id));
                csv.WriteField(Bool(ReportGeoJson.Unvisited(i, node.Id)));
                var ci = run.Bootstrap?.Sites[node.Id];
                WriteIntervals(csv, ci?.DPC, ci?.DPCintra, ci?.DPCflux, ci?.DPCconnector);
                await csv.EndRecordAsync(cancellationToken);
            }
        }
    }

    /// <summary>country_pairs.csv: from, to, PCnum and share (fraction of the run's PCnum) per run.</summary>
    public static async Task WriteCountryPairsAsync(ConnectivityReport report, string path, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["species", "season", "year", "distance_km", "from_country", "to_country", "PCnum", "share", .. Interval("share")]);
        foreach (var run in report.Runs)
        {
            foreach (var pair in run.Result.CountryPairs?.Pairs ?? [])
            {
                RunKey(csv, report, run);
                csv.WriteField(pair.From);
                csv.WriteField(pair.To);
                WriteNumbers(csv, pair.PCnum, pair.Share);
                WriteIntervals(csv, run.Bootstrap?.CountryShares[(pair.From, pair.To)]);
                await csv.EndRecordAsync(cancellationToken);
            }
        }
    }

    /// <summary>summary.csv: the whole-network indices of each run, where its links come from and the A_L used (given,
    /// or the sum of the weights); then the bootstrap's intervals of PC, EC and the transboundary share, PC and EC with
    /// reachability (and their intervals), the birds resampled, B, the seed and the level (empty where not computed).</summary>
    public static async Task WriteSummaryAsync(ConnectivityReport report, string path, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["species", "season", "year", "distance_km", "probability", "PC", "EC", "IIC", "PCnum", "PCintra", "PCdirect",
            "PCstep", "transboundary_share", "nodes", "links", "components", "link_source", "area_total",
            .. Interval("PC"), .. Interval("EC"), .. Interval("transboundary_share"), "PC_reach", "EC_reach", .. Interval("PC_reach"), .. Interval("EC_reach"),
            "birds", "bootstrap_replicates", "seed", "level"]);
        foreach (var run in report.Runs)
        {
            var r = run.Result;
            RunKey(csv, report, run);
            double? probability = run.DistanceKm is null ? null : report.Inputs.Request.Probability;
            csv.WriteField(probability);
            WriteNumbers(csv, r.PC, r.EC, r.IIC, r.PCnum, r.PCintra, r.PCdirect, r.PCstep);
            csv.WriteField(r.CountryPairs?.TransboundaryShare);
            csv.WriteField(r.Nodes);
            csv.WriteField(r.Links);
            csv.WriteField(r.Components);
            csv.WriteField(run.Source);
            csv.WriteField(r.AreaTotal);
            var b = run.Bootstrap;
            WriteIntervals(csv, b?.PC, b?.EC, b?.Transboundary);
            csv.WriteField(Defined(run.Reachability?.PC));
            csv.WriteField(Defined(run.Reachability?.EC));
            WriteIntervals(csv, run.Reachability is null ? null : b?.ReachPC, run.Reachability is null ? null : b?.ReachEC);
            csv.WriteField(b?.Birds);
            csv.WriteField(b?.Replicates);
            csv.WriteField(b?.Seed);
            csv.WriteField(b?.Level);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    /// <summary>The four columns that say which report and run a row belongs to.</summary>
    private static void RunKey(CsvWriter csv, ConnectivityReport report, ReportRun run)
    {
        csv.WriteField(report.Inputs.Species);
        csv.WriteField(report.Inputs.Window.Season.Name);
        csv.WriteField(report.Inputs.Window.Year);
        csv.WriteField(run.DistanceKm);
    }

    /// <summary>true / false as R and JSON write them; empty for "not applicable".</summary>
    internal static string Bool(bool? value) => value switch { true => "true", false => "false", null => "" };

    /// <summary>The two column names of an interval: NAME_ci_low, NAME_ci_high.</summary>
    private static string[] Interval(string name) => [name + "_ci_low", name + "_ci_high"];

    /// <summary>Low and high of each interval; empty cells for none, or where no replicate was defined.</summary>
    private static void WriteIntervals(CsvWriter csv, params ReadOnlySpan<BootstrapInterval?> intervals)
    {
        foreach (var interval in intervals)
        {
            csv.WriteField(Defined(interval?.Low));
            csv.WriteField(Defined(interval?.High));
        }
    }

    private static double? Defined(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static void WriteNumbers(CsvWriter csv, params ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            csv.WriteField(value);
        }
    }
}
