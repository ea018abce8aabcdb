using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The options of <c>report connectivity</c> and of the connectivity database mode that say which links a run uses
/// and which thresholds turn tracks into links (issue 12): <c>--links</c>, <c>--stay-radius-km</c>,
/// <c>--min-stay-hours</c>, <c>--max-gap-hours</c>, <c>--site-distance-km</c>, <c>--cluster-distance-km</c>,
/// <c>--window</c>, <c>--time-zone</c>, <c>--area-total</c> and <c>--sensitivity</c>; and the lines a run prints about
/// them. Numbers are read as text so that a bad one gets the same message as in the portal's form.
/// </summary>
internal sealed class AnalysisOptions
{
    private static readonly StayOptions DefaultStays = new();
    private static readonly SiteAssignmentOptions DefaultSites = new();

    private readonly Option<string?> links = new("--links")
    {
        Description = "Where the links come from: telemetry (the tagged birds' moves), distance (distance decay, one run per d0) or both. Default: both when the season has tracks, else distance.",
    };

    private readonly Option<string?> stayRadius = new("--stay-radius-km")
    {
        Description = $"Stay radius: an hour's position this close to a stay's centre is at the place (default {DefaultStays.RadiusKm} km).",
    };

    private readonly Option<string?> minStay = new("--min-stay-hours")
    {
        Description = $"Minimum stay; an excursion away may last as long (default {DefaultStays.MinimumDuration.TotalHours} h).",
    };

    private readonly Option<string?> maxGap = new("--max-gap-hours")
    {
        Description = $"Maximum gap: a stay never spans two fixes further apart; a move across a longer gap is marked (default {DefaultStays.MaxGap.TotalHours} h).",
    };

    private readonly Option<string?> siteDistance = new("--site-distance-km")
    {
        Description = $"A stay no site polygon holds belongs to the nearest site point within this distance (default {DefaultSites.MaxDistanceKm} km).",
    };

    private readonly Option<string?> clusterDistance = new("--cluster-distance-km")
    {
        Description = $"Stays at no known site closer than this form one candidate site (default {DefaultSites.ClusterDistanceKm} km).",
    };

    private readonly Option<string?> window = new("--window")
    {
        Description = "The season's dates for this run, MM-DD..MM-DD (default: the species' window in the seasons table, else the default one; see neaspec seasons list).",
    };

    private readonly Option<string?> timeZone = new("--time-zone")
    {
        Description = "IANA time zone the window's dates are read in (default: the season's, UTC unless set in the seasons table).",
    };

    private readonly Option<string?> areaTotal = new("--area-total")
    {
        Description = "A_L for PC, e.g. the flyway population, so PC compares across years (default: the sum of the weights).",
    };

    private readonly Option<bool> sensitivity = new("--sensitivity")
    {
        Description = "Repeat the telemetry analysis with each threshold halved and doubled and show how the ranking of sites changes (sensitivity.csv, a section of the page).",
    };

    /// <param name="withAreaTotal">False where the command has its own --area-total (the file mode of connectivity).</param>
    public AnalysisOptions(bool withAreaTotal = true)
    {
        links.AcceptOnlyFromAmong("telemetry", "distance", "both");
        WithAreaTotal = withAreaTotal;
    }

    private bool WithAreaTotal { get; }

    private IEnumerable<Option> All =>
        new Option[] { links, stayRadius, minStay, maxGap, siteDistance, clusterDistance, window, timeZone, sensitivity }
            .Concat(WithAreaTotal ? [areaTotal] : []);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The names of the options given on the command line.</summary>
    public IReadOnlyList<string> Given(ParseResult parseResult) => [.. All.Where(o => parseResult.GetResult(o) is { Implicit: false }).Select(o => o.Name)];

    /// <summary><paramref name="request"/> with the options given, and every problem of their values at once: text that
    /// is not a number, and values out of range (<see cref="ThresholdLimits"/>).</summary>
    public ReportRequest Apply(ParseResult parseResult, ReportRequest request, List<string> problems)
    {
        var applied = Read(parseResult, request, problems);
        problems.AddRange(ThresholdLimits.Problems(applied));
        return applied;
    }

    private ReportRequest Read(ParseResult parseResult, ReportRequest request, List<string> problems)
    {
        double? Km(Option<string?> option, string example) => ThresholdLimits.Number(option.Name, parseResult.GetValue(option), "km", example, problems);
        double? Hours(Option<string?> option, string example) => ThresholdLimits.Number(option.Name, parseResult.GetValue(option), "hours", example, problems);
        var stays = ThresholdLimits.Stays(Km(stayRadius, "10"), Hours(minStay, "24"), Hours(maxGap, "24"));
        var sites = ThresholdLimits.Sites(Km(siteDistance, "10"), Km(clusterDistance, "20"));
        return request with
        {
            Links = LinkDecision.Parse(parseResult.GetValue(links)),
            Stays = stays,
            SiteAssignment = sites,
            Window = parseResult.GetValue(window),
            TimeZone = parseResult.GetValue(timeZone),
            AreaTotal = WithAreaTotal
                ? ThresholdLimits.Number(areaTotal.Name, parseResult.GetValue(areaTotal), "birds (or the weights' unit)", "25000", problems)
                : request.AreaTotal,
            Sensitivity = parseResult.GetValue(sensitivity),
        };
    }

    /// <summary>What the run used and why: links, thresholds, A_L, candidate sites, counted sites no tagged bird
    /// visited, and the sensitivity summary.</summary>
    public static void Print(ConnectivityReport report)
    {
        var i = report.Inputs;
        Console.WriteLine($"  links: {i.Links.Text} — {i.Links.Reason}");
        if (i.Telemetry is not null)
        {
            var r = i.Request;
            var thresholds = string.Join(", ", ThresholdText(r));
            var defaults = r.Stays == DefaultStays && r.SiteAssignment == DefaultSites ? " (the defaults)" : "";
            Console.WriteLine($"  thresholds: {thresholds}{defaults}");
            Console.WriteLine(i.Candidates.Count == 0 ? "  candidate sites: none (every stay at a known site)"
                : "  candidate sites (unnamed, stays at no known site): " + string.Join("; ", i.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture,
                    $"{c.Code} at {c.Longitude:0.000}, {c.Latitude:0.000} ({c.Individuals} {(c.Individuals == 1 ? "bird" : "birds")})"))));
            Console.WriteLine(i.UnvisitedSites is { Count: > 0 } unvisited
                ? $"  counted sites no tagged bird visited (no telemetry links, for that reason): {string.Join(", ", unvisited)}"
                : "  counted sites no tagged bird visited: none");
        }
        var areaTotal = report.Runs.Count > 0 ? report.Runs[0].Result.AreaTotal : i.Nodes.Sum(n => n.Weight);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  A_L = {areaTotal:0.###} ({(i.Request.AreaTotal is null ? "the sum of the weights" : "given")})"));
        if (report.Sensitivity is { } s)
        {
            var others = s.Settings.Skip(1).Where(x => x.Problem is null).ToArray();
            var taus = others.Select(x => x.TauB).Where(double.IsFinite).ToArray();
            var tauText = taus.Length == 0 ? "Kendall's tau-b undefined"
                : taus.Min() == taus.Max()
                    ? string.Create(CultureInfo.InvariantCulture, $"Kendall's tau-b against this run {taus.Min():0.00} in every other setting")
                    : string.Create(CultureInfo.InvariantCulture, $"Kendall's tau-b against this run {taus.Min():0.00} to {taus.Max():0.00}");
            Console.WriteLine($"  sensitivity: {s.Settings.Count} settings; {tauText}; the top {s.K} kept whole in {others.Count(x => x.TopKSame == s.K)} of {others.Length} other settings");
        }
    }

    private static IEnumerable<string> ThresholdText(ReportRequest r)
    {
        string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        yield return $"stay radius {N(r.Stays.RadiusKm)} km";
        yield return $"minimum stay {N(r.Stays.MinimumDuration.TotalHours)} h";
        yield return $"maximum gap {N(r.Stays.MaxGap.TotalHours)} h";
        yield return $"site distance {N(r.SiteAssignment.MaxDistanceKm)} km";
        yield return $"candidate clustering {N(r.SiteAssignment.ClusterDistanceKm)} km";
    }
}
