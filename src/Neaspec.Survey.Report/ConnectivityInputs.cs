using System.Globalization;
using NetTopologySuite.Geometries;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Report;

/// <summary>
/// Everything a connectivity report is computed from: the species, the season window, the sites, the counts
/// in the window (node weights) and the telemetry fixes (links). Built from the database by
/// <see cref="LoadAsync"/>, or from values by <see cref="Create"/>.
/// </summary>
/// <remarks>
/// Nodes are the sites where the species was counted in the window (a real 0 included; a site with only
/// "not counted" surveys is not a node: its number is unknown, not 0), plus, with telemetry, every site a
/// tracked bird was at in the season or moved to, candidate sites included (the same nodes for every run). Which
/// links: <see cref="Links"/> (as asked, else both when the window has tracks, else distance decay).
/// </remarks>
public sealed class ConnectivityInputs
{
    private ConnectivityInputs() { }

    /// <summary>The request.</summary>
    public required ReportRequest Request { get; init; }

    /// <summary>The season's dates.</summary>
    public required SeasonWindow Window { get; init; }

    /// <summary>The catalogue's scientific name of the species.</summary>
    public required string Species { get; init; }

    /// <summary>The species' common name in the report language (English, then the scientific name, as fallback).</summary>
    public required string SpeciesName { get; init; }

    /// <summary>Every site of the database, by code.</summary>
    public required IReadOnlyDictionary<string, ReportSite> Sites { get; init; }

    /// <summary>The counts of the species in the window, including "not counted" ones.</summary>
    public required IReadOnlyList<CountUsed> Counts { get; init; }

    /// <summary>Telemetry fixes of the species: the whole tracks of the individuals with a fix in the window (empty:
    /// distance decay).</summary>
    public required IReadOnlyList<Fix> Fixes { get; init; }

    /// <summary>The stays of the tracked individuals at their sites (known or candidate), whole tracks.</summary>
    public IReadOnlyList<SiteVisit> Visits { get; init; } = [];

    /// <summary>Candidate sites: stays at no known site, clustered; they are nodes (unnamed, in <see cref="Sites"/>).</summary>
    public IReadOnlyList<CandidateSite> Candidates { get; init; } = [];

    /// <summary>The network nodes with their weights, in a stable order (by code).</summary>
    public required IReadOnlyList<SiteNode> Nodes { get; init; }

    /// <summary>The telemetry network when there are fixes, else null.</summary>
    public TelemetryNetwork? Telemetry { get; init; }

    /// <summary>Which links the report uses and why.</summary>
    public LinkDecision Links { get; init; } = new(LinkChoice.Distance, false, "");

    /// <summary>Where the window's dates come from, in words: this run's --window, or the seasons table (the species'
    /// own row or the default one).</summary>
    public string WindowSource => Request.Window is not null ? "set for this run (--window)"
        : Window.Season.Species is { } own ? $"the seasons table, {own}'s own window" : "the seasons table, the default window";

    /// <summary>Sites with a count of the species in the window (a real 0 included), by code.</summary>
    public IReadOnlyList<string> CountedSites { get; init; } = [];

    /// <summary>Tagged individuals present at each site in the season (a stay overlapping the window), when there is
    /// telemetry; null without.</summary>
    public IReadOnlyDictionary<string, int>? TaggedBirds { get; init; }

    /// <summary>Counted sites that no tagged bird stayed at in the season, by code: in a telemetry run they have no
    /// links, because no tracked bird went there, not because the birds counted there go nowhere. Null without
    /// telemetry.</summary>
    public IReadOnlyList<string>? UnvisitedSites { get; init; }

    /// <summary>Reads the inputs of <paramref name="request"/> from the database.</summary>
    public static async Task<InputsResult> LoadAsync(SurveyDatabase database, ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        var problems = CheckRequest(request);
        if (problems.Count > 0)
        {
            return new InputsResult(null, problems);
        }
        var resolver = await SpeciesResolver.LoadAsync(database, cancellationToken);
        var species = resolver.Resolve(request.Species);
        if (species is null)
        {
            return new InputsResult(null, [$"--species: '{request.Species}' is not in the species catalogue (scientific name, synonym or common name)"]);
        }
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var seasons = await SeasonCatalogue.LoadAsync(conn, cancellationToken);
        var window = WindowOf(Season.For(seasons, species), request, out var windowProblems);
        if (window is null)
        {
            return new InputsResult(null, windowProblems);
        }
        var speciesName = await SpeciesNameAsync(conn, species, request.Language, cancellationToken);
        var sites = await SitesAsync(conn, cancellationToken);
        var counts = await CountsAsync(conn, species, window, cancellationToken);
        var fixes = await LoadFixesAsync(database, species, window, cancellationToken);
        return Create(request, window, species, speciesName, sites, counts, fixes);
    }

    /// <summary>
    /// The season window of the request among the species' seasons (its own rows of the seasons table, else the
    /// default ones), with the run's window and time zone when given; null and the problems otherwise.
    /// </summary>
    public static SeasonWindow? WindowOf(IReadOnlyList<Season> seasons, ReportRequest request, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        ArgumentNullException.ThrowIfNull(request);
        problems = [];
        var season = Season.Find(seasons, request.Season);
        if (season is null)
        {
            problems.Add($"--season: '{request.Season}' is not a season; use {string.Join(", ", seasons.Select(s => s.Name))}");
            return null;
        }
        var zone = request.TimeZone ?? season.TimeZone;
        if (!Season.TryZone(zone, out var zoneError))
        {
            problems.Add($"--time-zone: {zoneError}");
            return null;
        }
        if (request.Window is { } text)
        {
            season = Season.Parse(season.Name, text, season.Species, zone, out var error);
            if (season is null)
            {
                problems.Add($"--window: {error}");
                return null;
            }
        }
        return (season with { TimeZone = zone }).In(request.Year);
    }

    /// <summary>
    /// The GPS fixes of <paramref name="species"/> (individuals whose taxon resolved to it in the catalogue): the
    /// whole tracks of the individuals with a fix in <paramref name="window"/>, never clipped to it, because a move
    /// departing in the window starts from a stay that may have begun long before, and ends at a stay after it.
    /// Fixes flagged invisible, manually marked or too fast come with <c>Outlier</c> set, so
    /// <see cref="StayDetector"/> ignores them. An individual is named study/local id, as two studies may reuse a
    /// local id.
    /// </summary>
    internal static async Task<IReadOnlyList<Fix>> LoadFixesAsync(SurveyDatabase database, string species, SeasonWindow window,
        CancellationToken cancellationToken)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(
            """
            select st.name || '/' || i.local_identifier, f.observed_at, st_x(f.location), st_y(f.location),
                   not f.visible or f.marked_outlier or f.speed_outlier
            from fixes f
            join individuals i on i.id = f.individual_id
            join studies st on st.id = f.study_id
            where i.species_name = $1
              -- per individual, a range probe of the (individual, time) index rather than a scan of all fixes
              and exists (select 1 from fixes w where w.individual_id = i.id and w.observed_at >= $2 and w.observed_at < $3)
            order by f.individual_id, f.observed_at
            """, conn);
        cmd.Parameters.AddWithValue(species);
        cmd.Parameters.AddWithValue(window.Start);
        cmd.Parameters.AddWithValue(window.End);
        var fixes = new List<Fix>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fixes.Add(new Fix(reader.GetString(0), reader.GetDateTime(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetBoolean(4)));
        }
        return fixes;
    }

    /// <summary>Builds the inputs from values (what <see cref="LoadAsync"/> read, or a test's data).</summary>
    public static InputsResult Create(ReportRequest request, SeasonWindow window, string species, string speciesName,
        IReadOnlyDictionary<string, ReportSite> sites, IReadOnlyList<CountUsed> counts, IReadOnlyList<Fix> fixes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(fixes);
        var thresholdProblems = ThresholdLimits.Problems(request);
        if (thresholdProblems.Count > 0)
        {
            return new InputsResult(null, thresholdProblems);
        }
        var peaks = NodeWeights.PeakCount(
            counts.Select(c => new CountRecord(c.SiteCode, species, c.Date, c.Individuals)), species, window.From, window.To);

        var allSites = new Dictionary<string, ReportSite>(sites, StringComparer.Ordinal);
        var codes = new SortedSet<string>(peaks.Keys, StringComparer.Ordinal);
        var tracks = fixes.Count > 0 ? TrackedPart.Of(request, window, sites, fixes) : null;
        if (tracks is not null)
        {
            foreach (var candidate in tracks.Assignment.Candidates)
            {
                allSites[candidate.Code] = CandidateSite(candidate, tracks.Known);
            }
            codes.UnionWith(tracks.Telemetry.Sites);
        }

        var problems = new List<string>();
        var weights = request.Weighting switch
        {
            NodeWeighting.PeakCount => peaks,
            NodeWeighting.TrackedIndividuals => tracks?.Tracked,
            _ => null,
        };
        if (request.Weighting == NodeWeighting.TrackedIndividuals && tracks is null)
        {
            problems.Add($"--weight individuals: no telemetry fixes of {species} in {window}; use peak-count or uniform");
        }
        if (codes.Count == 0)
        {
            problems.Add($"no counts of {species} in {window}, and no telemetry: nothing to analyse");
        }
        else if (request.Weighting != NodeWeighting.Uniform && weights is not null && !codes.Any(c => weights.GetValueOrDefault(c) > 0))
        {
            problems.Add($"every site weighs 0 for {species} in {window}: nothing is connected");
        }
        var links = DecideLinks(request, species, window, fixes, tracks?.Telemetry, problems);
        var nodeSites = codes.Select(c => allSites[c]).Select(s => new KnownSite(s.Code, s.Longitude, s.Latitude, s.Country));
        var nodes = problems.Count == 0 ? NodeWeights.Nodes(nodeSites, request.Weighting, weights) : [];
        CheckAreaTotal(request, nodes, problems);
        if (problems.Count > 0)
        {
            return new InputsResult(null, problems);
        }
        return new InputsResult(new ConnectivityInputs
        {
            Request = request,
            Window = window,
            Species = species,
            SpeciesName = speciesName,
            Sites = allSites,
            Counts = counts,
            Fixes = fixes,
            Nodes = nodes,
            Telemetry = tracks?.Telemetry,
            Visits = tracks?.Assignment.Visits ?? [],
            Candidates = tracks?.Assignment.Candidates ?? [],
            Links = links,
            CountedSites = [.. peaks.Keys.Order(StringComparer.Ordinal)],
            TaggedBirds = tracks?.Telemetry.Presence.ToDictionary(p => p.Site, p => p.Individuals + p.Unknown, StringComparer.Ordinal),
            UnvisitedSites = tracks is null ? null
                : [.. peaks.Keys.Except(tracks.Telemetry.Presence.Select(p => p.Site), StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        }, []);
    }

    /// <summary>The telemetry side of the inputs: stays of the whole tracks, their sites (known or candidate), the
    /// season's network and the tracked individuals per site.</summary>
    private sealed record TrackedPart(IReadOnlyList<KnownSite> Known, SiteAssignment Assignment, TelemetryNetwork Telemetry,
        IReadOnlyDictionary<string, double> Tracked)
    {
        public static TrackedPart Of(ReportRequest request, SeasonWindow window, IReadOnlyDictionary<string, ReportSite> sites, IReadOnlyList<Fix> fixes)
        {
            var known = sites.Values.OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new KnownSite(s.Code, s.Longitude, s.Latitude, s.Country, s.Area)).ToArray();
            var assignment = StaySites.Assign(StayDetector.Detect(fixes, request.Stays), known, request.SiteAssignment);
            var telemetry = TelemetryNetwork.Build(assignment.Visits, window);
            var tracked = NodeWeights.TrackedIndividuals(
                assignment.Visits.Where(v => v.Stay.Arrival < window.End && v.Stay.Departure >= window.Start));
            return new TrackedPart(known, assignment, telemetry, tracked);
        }
    }

    /// <summary>
    /// The links of the run and why: as asked with <see cref="ReportRequest.Links"/>, else both when the window has
    /// tracks (the telemetry run with distance decay beside it, over the same nodes) and distance decay when it has
    /// none. Asking for telemetry without tracks, or for a sensitivity run without telemetry, is a problem.
    /// </summary>
    private static LinkDecision DecideLinks(ReportRequest request, string species, SeasonWindow window, IReadOnlyList<Fix> fixes,
        TelemetryNetwork? telemetry, List<string> problems)
    {
        var birds = fixes.Select(f => f.Individual).Distinct(StringComparer.Ordinal).Count();
        var tracks = telemetry is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{fixes.Count:#,0} fixes of {birds} tagged {(birds == 1 ? "bird" : "birds")}, {telemetry.Moves.Count} {(telemetry.Moves.Count == 1 ? "move" : "moves")} between sites in the season");
        LinkDecision decision;
        if (request.Links is { } asked)
        {
            var option = $"--links {LinkDecision.Option(asked)} as asked";
            decision = new LinkDecision(asked, true, telemetry is null
                ? $"{option}; no tracks of {species} in {window}"
                : asked == LinkChoice.Distance ? $"{option}; the tracks ({tracks}) add the sites the birds stayed at as nodes but no links" : $"{option}: {tracks}");
            if (asked != LinkChoice.Distance && telemetry is null)
            {
                problems.Add($"--links {LinkDecision.Option(asked)}: no telemetry fixes of {species} in {window}; use --links distance or leave --links out");
            }
        }
        else
        {
            decision = telemetry is null
                ? new LinkDecision(LinkChoice.Distance, false, $"default: no tracks of {species} in {window}, so distance decay only")
                : new LinkDecision(LinkChoice.Both, false, $"default: the season has tracks ({tracks}), so telemetry links, with distance decay beside them for comparison");
        }
        if (request.Sensitivity && !(decision.UsesTelemetry && telemetry is not null))
        {
            problems.Add($"--sensitivity: it varies the thresholds that turn tracks into links, and this run has no telemetry links ({decision.Text})");
        }
        return decision;
    }

    /// <summary>A given A_L must hold every site's weight (the library refuses it otherwise: PC would exceed 1).</summary>
    private static void CheckAreaTotal(ReportRequest request, IReadOnlyList<SiteNode> nodes, List<string> problems)
    {
        var sum = nodes.Sum(n => n.Weight);
        if (request.AreaTotal is { } total && problems.Count == 0 && total < sum * (1 - 1e-12))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--area-total: {total:0.###} is less than the sum of the site weights ({sum:#,0.###}); A_L is the total of the whole study area, so PC would exceed 1"));
        }
    }

    /// <summary>
    /// A candidate as a report site: unnamed (its code), at its location. Its country is that of the nearest known
    /// site, an assumption the report's site table shows (the library has no country borders); promote the
    /// candidate to a site with its real country where it matters.
    /// </summary>
    private static ReportSite CandidateSite(CandidateSite candidate, IReadOnlyList<KnownSite> known)
    {
        var nearest = known
            .OrderBy(k => GreatCircle.DistanceKm(candidate.Longitude, candidate.Latitude, k.Longitude, k.Latitude))
            .FirstOrDefault();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = $"unnamed site {candidate.Code}" };
        return new ReportSite(candidate.Code, names, nearest?.Country ?? "", candidate.Longitude, candidate.Latitude, IsCandidate: true);
    }

    private static List<string> CheckRequest(ReportRequest r)
    {
        var problems = new List<string>();
        if (r.Year is < 1900 or > 2200)
        {
            problems.Add($"--year: {r.Year} is not a plausible survey year");
        }
        if (!ReportRequest.Languages.Contains(r.Language))
        {
            problems.Add($"--lang: '{r.Language}' is not one of {string.Join(", ", ReportRequest.Languages)}");
        }
        if (r.DistancesKm.Count == 0 || r.DistancesKm.Any(d => !(d > 0) || double.IsInfinity(d)))
        {
            problems.Add("--distance-km: give one or more positive distances in km, e.g. 50,100,250,500");
        }
        else if (r.DistancesKm.Distinct().Count() != r.DistancesKm.Count)
        {
            problems.Add("--distance-km: a distance is given twice");
        }
        if (!(r.Probability > 0 && r.Probability < 1))
        {
            problems.Add("p0 must be strictly between 0 and 1");
        }
        problems.AddRange(ThresholdLimits.Problems(r));
        problems.AddRange(r.Birds.Problems());
        return problems;
    }

    /// <summary>The species' common name in <paramref name="language"/>, else English, else the scientific name.</summary>
    internal static async Task<string> SpeciesNameAsync(NpgsqlConnection conn, string species, string language, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"select name_{language}, name_en from species where scientific_name = @s", conn);
        cmd.Parameters.AddWithValue("s", species);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return species;
        }
        return !reader.IsDBNull(0) ? reader.GetString(0) : !reader.IsDBNull(1) ? reader.GetString(1) : species;
    }

    /// <summary>Every site of the database, by code (the trend report reads them too).</summary>
    internal static async Task<Dictionary<string, ReportSite>> SitesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var sites = new Dictionary<string, ReportSite>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "select code, name_en, name_ko, name_zh, name_ja, name_ru, name_mn, country_code, st_x(location), st_y(location), area, is_provisional from sites", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        string[] languages = ["en", "ko", "zh", "ja", "ru", "mn"];
        while (await reader.ReadAsync(ct))
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < languages.Length; i++)
            {
                if (!reader.IsDBNull(i + 1))
                {
                    names[languages[i]] = reader.GetString(i + 1);
                }
            }
            var code = reader.GetString(0);
            sites[code] = new ReportSite(code, names, reader.GetString(7).Trim(), reader.GetDouble(8), reader.GetDouble(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<Geometry>(10), IsProvisional: reader.GetBoolean(11));
        }
        return sites;
    }

    internal static async Task<List<CountUsed>> CountsAsync(NpgsqlConnection conn, string species, SeasonWindow window, CancellationToken ct)
    {
        var counts = new List<CountUsed>();
        await using var cmd = new NpgsqlCommand("""
            select s.code, v.survey_date, v.survey_time, c.individuals, c.not_counted_reason, i.original_name, i.sha256, c.source_line
            from counts c
            join surveys v on v.id = c.survey_id
            join sites s on s.id = v.site_id
            join imports i on i.id = c.import_id
            where c.species_name = @species and v.survey_date between @from and @to
            order by s.code, v.survey_date, v.survey_time nulls first
            """, conn);
        cmd.Parameters.AddWithValue("species", species);
        cmd.Parameters.AddWithValue("from", window.From);
        cmd.Parameters.AddWithValue("to", window.To);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new CountUsed(
                reader.GetString(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6).Trim(),
                reader.GetInt32(7)));
        }
        return counts;
    }
}
