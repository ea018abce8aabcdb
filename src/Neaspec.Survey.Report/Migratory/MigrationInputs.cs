using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>
/// The inputs of migratory connectivity from the database: each tracked bird's origin region (where it spent most of
/// the origin season, e.g. breeding) and target region (most of the target season, e.g. winter), from the same stays
/// and sites as the report's telemetry links (<see cref="ConnectivityInputs.Create"/>: <see cref="StayDetector"/>,
/// <see cref="StaySites"/>), the regions' centres, and the origin abundance from the census peak counts of the
/// origin season (the report's node-weight rule) or given by hand. Every bird is listed, with the reason when it is
/// left out. See docs/migratory-connectivity.md, "Database mode".
/// </summary>
public sealed class MigrationInputs
{
    private MigrationInputs() { }

    /// <summary>The report request (species, year) the run belongs to.</summary>
    public required ReportRequest Request { get; init; }

    /// <summary>The MC request (seasons, regions, abundance).</summary>
    public required MigratoryRequest Migratory { get; init; }

    /// <summary>The catalogue's scientific name.</summary>
    public required string Species { get; init; }

    /// <summary>The common name in the report language.</summary>
    public required string SpeciesName { get; init; }

    /// <summary>The origin season's window (the request's year).</summary>
    public required SeasonWindow OriginWindow { get; init; }

    /// <summary>The target season's window: the first of its name that starts after the origin window starts.</summary>
    public required SeasonWindow TargetWindow { get; init; }

    /// <summary>Every site, candidates of the tracked birds' stays included.</summary>
    public required IReadOnlyDictionary<string, ReportSite> Sites { get; init; }

    /// <summary>The counts of the species in the origin season (abundance).</summary>
    public required IReadOnlyList<CountUsed> Counts { get; init; }

    /// <summary>Every tracked bird with a fix in either season, ordered by id, used or dropped.</summary>
    public required IReadOnlyList<MigrantBird> Birds { get; init; }

    /// <summary>Origin regions with at least one bird used, ordered by id: psi's rows.</summary>
    public required IReadOnlyList<MigrationRegion> Origins { get; init; }

    /// <summary>Target regions with at least one bird used, ordered by id: psi's columns.</summary>
    public required IReadOnlyList<MigrationRegion> Targets { get; init; }

    /// <summary>Where the origin abundance came from, in words.</summary>
    public required string AbundanceSource { get; init; }

    /// <summary>Why MC cannot be computed from these birds (too few regions, no abundance), or null.</summary>
    public string? WhyNot { get; init; }

    /// <summary>The birds used, as the library takes them (region indices and their stay points).</summary>
    public IReadOnlyList<MigrantIndividual> Individuals()
    {
        var origin = Index(Origins);
        var target = Index(Targets);
        return Birds.Where(b => b.Used)
            .Select(b => new MigrantIndividual(b.Individual, origin[b.Origin!.Region], target[b.Target!.Region],
                (b.Origin.Longitude, b.Origin.Latitude), (b.Target.Longitude, b.Target.Latitude)))
            .ToArray();
    }

    /// <summary>Great-circle km between the centres of <paramref name="regions"/>.</summary>
    public static double[,] Distances(IReadOnlyList<MigrationRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return MantelCorrelation.DistanceMatrix(regions.Select(r => (r.Longitude, r.Latitude)).ToArray());
    }

    private static Dictionary<string, int> Index(IReadOnlyList<MigrationRegion> regions) =>
        regions.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    /// <summary>Reads the inputs of <paramref name="request"/>'s MC run from the database.</summary>
    public static async Task<MigrationLoad> LoadAsync(SurveyDatabase database, ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        var m = request.Birds.Migratory ?? throw new ArgumentException("The request has no MC run.", nameof(request));
        var problems = request.Birds.Problems().ToList();
        if (request.Year is < 1900 or > 2200)
        {
            problems.Add($"--year: {request.Year} is not a plausible survey year");
        }
        if (problems.Count > 0)
        {
            return new MigrationLoad(null, problems);
        }
        var species = (await SpeciesResolver.LoadAsync(database, cancellationToken)).Resolve(request.Species);
        if (species is null)
        {
            return new MigrationLoad(null, [$"--species: '{request.Species}' is not in the species catalogue (scientific name, synonym or common name)"]);
        }
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var seasons = Season.For(await SeasonCatalogue.LoadAsync(conn, cancellationToken), species);
        // The report's --window belongs to its own season, not to the MC seasons.
        var origin = ConnectivityInputs.WindowOf(seasons, request with { Season = m.OriginSeason, Window = null }, out var windowProblems);
        var targetSeason = Season.Find(seasons, m.TargetSeason);
        if (origin is null || targetSeason is null)
        {
            return new MigrationLoad(null, [.. windowProblems, .. targetSeason is null ? [$"--target-season: '{m.TargetSeason}' is not a season"] : Array.Empty<string>()]);
        }
        var target = origin.Following(targetSeason with { TimeZone = request.TimeZone ?? targetSeason.TimeZone });
        var speciesName = await ConnectivityInputs.SpeciesNameAsync(conn, species, request.Language, cancellationToken);
        var sites = await ConnectivityInputs.SitesAsync(conn, cancellationToken);
        var counts = await ConnectivityInputs.CountsAsync(conn, species, origin, cancellationToken);
        // Whole tracks of the birds with a fix in either season; a bird tracked in both comes once.
        var fixes = (await ConnectivityInputs.LoadFixesAsync(database, species, origin, cancellationToken)).ToList();
        var first = fixes.Select(f => f.Individual).ToHashSet(StringComparer.Ordinal);
        fixes.AddRange((await ConnectivityInputs.LoadFixesAsync(database, species, target, cancellationToken)).Where(f => !first.Contains(f.Individual)));
        return Build(request, origin, target, species, speciesName, sites, counts, fixes);
    }

    /// <summary>Builds the inputs from values (what <see cref="LoadAsync"/> read, or a test's data).</summary>
    public static MigrationLoad Build(ReportRequest request, SeasonWindow origin, SeasonWindow target, string species, string speciesName,
        IReadOnlyDictionary<string, ReportSite> sites, IReadOnlyList<CountUsed> counts, IReadOnlyList<Fix> fixes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fixes);
        var m = request.Birds.Migratory ?? throw new ArgumentException("The request has no MC run.", nameof(request));
        if (fixes.Count == 0)
        {
            return new MigrationLoad(null, [$"no tracked {species} has a fix in {origin} or {target}: MC needs tracked birds"]);
        }
        // The report's own stay and site pipeline, once, on the whole tracks; its links are not used here.
        var stays = ConnectivityInputs.Create(request with { Season = origin.Season.Name, Weighting = NodeWeighting.Uniform },
            origin, species, speciesName, sites, counts, fixes);
        if (stays.Inputs is not { } inputs)
        {
            return new MigrationLoad(null, stays.Problems);
        }
        var peaks = NodeWeights.PeakCount(counts.Select(c => new CountRecord(c.SiteCode, species, c.Date, c.Individuals)), species, origin.From, origin.To);
        var individuals = fixes.Select(f => f.Individual).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var byBird = inputs.Visits.ToLookup(v => v.Stay.Individual, StringComparer.Ordinal);
        var originTimes = individuals.ToDictionary(b => b, b => SiteTime.Of(byBird[b], origin), StringComparer.Ordinal);
        var targetTimes = individuals.ToDictionary(b => b, b => SiteTime.Of(byBird[b], target), StringComparer.Ordinal);

        var grouping = new RegionMap(m, inputs.Sites);
        var originRegion = grouping.Regions(originTimes.Values.SelectMany(t => t.Keys).Concat(peaks.Keys));
        var targetRegion = grouping.Regions(targetTimes.Values.SelectMany(t => t.Keys));
        // A region's abundance: given by hand, else the sum of the peak counts of its counted sites; unknown (null)
        // when none of its sites was counted (not counted is not 0).
        double? AbundanceOf(string region, IEnumerable<string> members)
        {
            if (m.OriginAbundance is { } given)
            {
                return given.TryGetValue(region, out var a) ? a : null;
            }
            var counted = members.Where(peaks.ContainsKey).ToArray();
            return counted.Length > 0 ? counted.Sum(s => peaks[s]) : null;
        }
        var abundance = originRegion.Values.Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => AbundanceOf(r, originRegion.Where(x => x.Value == r).Select(x => x.Key)), StringComparer.Ordinal);

        var birds = individuals.Select(b => Bird(b, SiteTime.End(originTimes[b], originRegion), SiteTime.End(targetTimes[b], targetRegion),
            abundance, origin, target, m, species)).ToArray();
        var origins = Regions(birds.Where(b => b.Used).Select(b => b.Origin!.Region), originRegion, inputs.Sites, abundance);
        var targets = Regions(birds.Where(b => b.Used).Select(b => b.Target!.Region), targetRegion, inputs.Sites, null);
        return new MigrationLoad(new MigrationInputs
        {
            Request = request,
            Migratory = m,
            Species = species,
            SpeciesName = speciesName,
            OriginWindow = origin,
            TargetWindow = target,
            Sites = inputs.Sites,
            Counts = counts,
            Birds = birds,
            Origins = origins,
            Targets = targets,
            AbundanceSource = m.OriginAbundance is null
                ? $"census: per site the peak count of {species} in {origin}, summed over each region's counted sites"
                : $"given by hand ({m.OriginAbundanceSource ?? "by region id"})",
            WhyNot = Insufficient(origins, targets, m.Regions),
        }, []);
    }

    private static MigrantBird Bird(string individual, BirdEnd? originEnd, BirdEnd? targetEnd, Dictionary<string, double?> abundance,
        SeasonWindow origin, SeasonWindow target, MigratoryRequest m, string species)
    {
        string? dropped = (originEnd, targetEnd) switch
        {
            (null, null) => $"no stay in either season ({origin}; {target})",
            (null, _) => $"no stay in the origin season {origin}",
            (_, null) => $"no stay in the target season {target}",
            _ when abundance[originEnd.Region] is null => m.OriginAbundance is null
                ? $"its origin region {originEnd.Region} has no census count of {species} in {origin}: its abundance is unknown (give it by hand: --origin-abundance, in the report --mc-origin-abundance)"
                : $"its origin region {originEnd.Region} has no row in the abundance given",
            _ => null,
        };
        return new MigrantBird(individual, originEnd, targetEnd, dropped);
    }

    private static MigrationRegion[] Regions(IEnumerable<string> used, IReadOnlyDictionary<string, string> regionOf,
        IReadOnlyDictionary<string, ReportSite> sites, Dictionary<string, double?>? abundance) =>
        used.GroupBy(r => r, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = regionOf.Where(x => x.Value == g.Key).Select(x => x.Key).Order(StringComparer.Ordinal).ToArray();
                var (lon, lat) = GreatCircle.Centroid(members.Select(s => (sites[s].Longitude, sites[s].Latitude)));
                return new MigrationRegion(g.Key, members, lon, lat, abundance?[g.Key], g.Count());
            })
            .ToArray();

    private static string? Insufficient(IReadOnlyList<MigrationRegion> origins, IReadOnlyList<MigrationRegion> targets, RegionGrouping grouping)
    {
        if (origins.Count < 2 || targets.Count < 2)
        {
            return $"MC correlates distances between regions and needs at least two origin and two target regions with birds; "
                + $"the birds used give {origins.Count} origin region(s) and {targets.Count} target region(s)"
                + (grouping == RegionGrouping.Site ? "; more tracked birds are needed" : "; choose smaller regions (--regions site) or track more birds");
        }
        if (!(origins.Sum(o => o.Abundance ?? 0) > 0))
        {
            return "every origin region has abundance 0: MC weighs the origins by abundance and has nothing to weigh";
        }
        return null;
    }
}
