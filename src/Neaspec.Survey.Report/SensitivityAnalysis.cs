using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Sensitivity;

namespace Neaspec.Survey.Report;

/// <summary>
/// The telemetry analysis of a report repeated over the threshold grid (<see cref="ThresholdGrid.OneAtATime"/>: the
/// run's thresholds, then each of stay radius, minimum stay, maximum gap, site distance and candidate clustering
/// distance halved and doubled), and how the ranking of sites by dPC changes: each site's rank per setting, Kendall's
/// tau-b of every setting's dPC against the baseline's (Kendall 1945), and how often each site is in the top k.
/// Everything else (window, weights, A_L) stays as the run asked.
/// </summary>
/// <remarks>
/// Sites keep their identity across settings by code. Candidate sites have none of their own (their codes are
/// numbered per run), so a candidate of another setting takes the row of the nearest baseline candidate within the
/// baseline's clustering distance; candidates that match none are counted in the setting's nodes but have no row.
/// A site that is no node under a setting (its stays were shorter, or assigned elsewhere) has dPC 0 there for tau.
/// </remarks>
public static class SensitivityAnalysis
{
    /// <summary>The shortlist size k: a site "stays in the top k" when its rank is at most this.</summary>
    public const int TopK = 5;

    /// <summary>Runs the grid on the inputs of a report (which must have telemetry).</summary>
    public static SensitivityResult Run(ConnectivityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var request = inputs.Request;
        var known = inputs.Sites.Values.Where(s => !s.IsCandidate).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var outcomes = ThresholdGrid.OneAtATime(request.Stays, request.SiteAssignment)
            .Select(setting => Analyse(inputs, known, setting))
            .ToArray();
        var baseline = outcomes[0].Ranked ?? throw new InvalidOperationException("The baseline of a sensitivity run is the report's own telemetry run.");
        var k = Math.Min(TopK, baseline.Count);
        var rows = Rows(outcomes, request.SiteAssignment.ClusterDistanceKm);
        var settings = outcomes.Select((o, s) => Summary(o, s, rows, k)).ToArray();
        var analysed = outcomes.Count(o => o.Ranked is not null);
        var result = rows.Select(r => new SensitivityRow(r.Code, r.IsCandidate, r.Ranks, r.Dpc,
            (double)r.Ranks.Count(rank => rank <= k) / analysed)).ToArray();
        return new SensitivityResult(settings, result, k);
    }

    /// <summary>A setting's telemetry run: nodes ranked, or the problem that stopped it.</summary>
    private sealed record Outcome(ThresholdSetting Setting, string? Problem, IReadOnlyList<(int Rank, SiteNode Node, double Dpc, bool Candidate)>? Ranked,
        ConnectivityInputs? Inputs, double PC);

    private static Outcome Analyse(ConnectivityInputs inputs, IReadOnlyDictionary<string, ReportSite> known, ThresholdSetting setting)
    {
        var request = inputs.Request with { Stays = setting.Stays, SiteAssignment = setting.Sites, Links = LinkChoice.Telemetry, Sensitivity = false };
        var created = ConnectivityInputs.Create(request, inputs.Window, inputs.Species, inputs.SpeciesName, known, inputs.Counts, inputs.Fixes);
        if (created.Inputs is not { Telemetry: { } telemetry } setInputs)
        {
            return new Outcome(setting, string.Join("; ", created.Problems), null, null, double.NaN);
        }
        var network = telemetry.ToSiteNetwork(setInputs.Nodes);
        var result = ConnectivityAnalysis.Run(network, new ConnectivityOptions { AreaTotal = request.AreaTotal });
        var ranked = ConnectivityReport.Rank(network, result)
            .Select(x => (x.Rank, x.Node, x.Values.DPC, setInputs.Sites[x.Node.Id].IsCandidate))
            .ToArray();
        return new Outcome(setting, null, ranked, setInputs, result.PC);
    }

    private sealed record RowBuilder(string Code, bool IsCandidate, double Longitude, double Latitude, int?[] Ranks, double?[] Dpc);

    /// <summary>The baseline's nodes in rank order, then known sites that are nodes only elsewhere, by code; each
    /// filled with its rank and dPC per setting.</summary>
    private static List<RowBuilder> Rows(IReadOnlyList<Outcome> outcomes, double clusterDistanceKm)
    {
        var n = outcomes.Count;
        var rows = outcomes[0].Ranked!
            .Select(x => new RowBuilder(x.Node.Id, x.Candidate, x.Node.Longitude, x.Node.Latitude, new int?[n], new double?[n]))
            .ToList();
        var extra = outcomes.Skip(1).Where(o => o.Ranked is not null).SelectMany(o => o.Ranked!)
            .Where(x => !x.Candidate && rows.All(r => r.Code != x.Node.Id))
            .Select(x => x.Node).DistinctBy(node => node.Id).OrderBy(node => node.Id, StringComparer.Ordinal)
            .Select(node => new RowBuilder(node.Id, false, node.Longitude, node.Latitude, new int?[n], new double?[n]));
        rows.AddRange(extra);
        var byCode = rows.Where(r => !r.IsCandidate).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var baselineCandidates = rows.Where(r => r.IsCandidate).ToArray();
        for (var s = 0; s < n; s++)
        {
            if (outcomes[s].Ranked is not { } ranked)
            {
                continue;
            }
            foreach (var (rank, node, dpc, candidate) in ranked.Where(x => !x.Candidate))
            {
                (byCode[node.Id].Ranks[s], byCode[node.Id].Dpc[s]) = (rank, dpc);
            }
            MatchCandidates(baselineCandidates, ranked.Where(x => x.Candidate).ToList(), s, s == 0 ? 0 : clusterDistanceKm);
        }
        return rows;
    }

    /// <summary>Each baseline candidate (in rank order) takes the nearest unmatched candidate of setting
    /// <paramref name="s"/> within <paramref name="withinKm"/> (for the baseline itself: the same code).</summary>
    private static void MatchCandidates(IReadOnlyList<RowBuilder> baseline, List<(int Rank, SiteNode Node, double Dpc, bool Candidate)> candidates,
        int s, double withinKm)
    {
        foreach (var row in baseline)
        {
            var best = candidates
                .Select(c => (c, Km: GreatCircle.DistanceKm(row.Longitude, row.Latitude, c.Node.Longitude, c.Node.Latitude)))
                .Where(x => withinKm == 0 ? x.c.Node.Id == row.Code : x.Km <= withinKm)
                .OrderBy(x => x.Km).ThenBy(x => x.c.Node.Id, StringComparer.Ordinal)
                .Select(x => ((int Rank, SiteNode Node, double Dpc, bool Candidate)?)x.c)
                .FirstOrDefault();
            if (best is { } match)
            {
                (row.Ranks[s], row.Dpc[s]) = (match.Rank, match.Dpc);
                candidates.Remove(match);
            }
        }
    }

    private static SensitivitySetting Summary(Outcome o, int s, IReadOnlyList<RowBuilder> rows, int k)
    {
        if (o.Inputs is not { Telemetry: { } telemetry } inputs)
        {
            return new SensitivitySetting(o.Setting, o.Problem, 0, 0, 0, 0, double.NaN, double.NaN, 0);
        }
        var tau = KendallTau.TauB(rows.Select(r => r.Dpc[0] ?? 0).ToArray(), rows.Select(r => r.Dpc[s] ?? 0).ToArray());
        var topSame = rows.Count(r => r.Ranks[0] <= k && r.Ranks[s] <= k);
        return new SensitivitySetting(o.Setting, null, inputs.Nodes.Count, inputs.Candidates.Count, telemetry.Links.Count, telemetry.Moves.Count,
            o.PC, tau, topSame);
    }
}
