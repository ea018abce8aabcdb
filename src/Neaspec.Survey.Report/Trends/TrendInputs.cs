using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Trends;
using Neaspec.Survey.Trends.Thresholds;
using Npgsql;

namespace Neaspec.Survey.Report.Trends;

/// <summary>
/// Everything a population trend from the database is computed from: the species resolved through the catalogue, the
/// yearly window, the site-year values (<see cref="SiteYearRule"/>) of the sites that counted the species, the table
/// TRIM is fitted to, and the flyway populations whose thresholds flag the sites. Built from the database by
/// <see cref="LoadAsync"/>, or from values by <see cref="Create"/>.
/// </summary>
public sealed class TrendInputs
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private TrendInputs() { }

    /// <summary>The request.</summary>
    public required TrendRequest Request { get; init; }

    /// <summary>The catalogue's scientific name of the species.</summary>
    public required string Species { get; init; }

    /// <summary>The species' common name in the request's language (English, then the scientific name, as fallback).</summary>
    public required string SpeciesName { get; init; }

    /// <summary>The yearly window.</summary>
    public required Season Season { get; init; }

    /// <summary>The sites in the table (those with a count record of the species in some window), by code, provisional
    /// sites included (<see cref="ReportSite.IsProvisional"/>).</summary>
    public required IReadOnlyDictionary<string, ReportSite> Sites { get; init; }

    /// <summary>Every site-year with a count record, by site and year.</summary>
    public required IReadOnlyList<SiteYearValue> Values { get; init; }

    /// <summary>The table TRIM is fitted to.</summary>
    public required TrendInput Table { get; init; }

    /// <summary>True when the country is TRIM's covariate.</summary>
    public required bool ByCountry { get; init; }

    /// <summary>True when the 0.25 % staging criterion applies.</summary>
    public required bool Staging { get; init; }

    /// <summary>The flyway populations whose thresholds flag the sites (none when the table has none for the species).</summary>
    public required IReadOnlyList<PopulationThreshold> Thresholds { get; init; }

    /// <summary>The covariate's name in the table and the files.</summary>
    public const string CountryCovariate = "country";

    /// <summary>The window of <paramref name="year"/>.</summary>
    public SeasonWindow WindowOf(int year) => SeasonWindow.Of(Season, year);

    /// <summary>E.g. "12-01..02-28 (winter)": the window's dates and, for a named season, its name.</summary>
    public string WindowText => Season.Name.Contains("..", StringComparison.Ordinal) ? Season.Name : $"{Season.Start}..{Season.End} ({Season.Name})";

    /// <summary>Reads the inputs of <paramref name="request"/> from the database.</summary>
    public static async Task<TrendInputsResult> LoadAsync(SurveyDatabase database, TrendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        var problems = CheckRequest(request);
        if (problems.Count > 0)
        {
            return new TrendInputsResult(null, problems);
        }
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var species = (await SpeciesResolver.LoadAsync(conn, cancellationToken)).Resolve(request.Species);
        if (species is null)
        {
            return new TrendInputsResult(null, [$"--species: '{request.Species}' is not in the species catalogue (scientific name, synonym or common name)"]);
        }
        var season = SeasonOf(Season.For(await SeasonCatalogue.LoadAsync(conn, cancellationToken), species), request.Window, out var windowProblem);
        if (season is null)
        {
            return new TrendInputsResult(null, [windowProblem!]);
        }
        var speciesName = await ConnectivityInputs.SpeciesNameAsync(conn, species, request.Language, cancellationToken);
        var sites = await ConnectivityInputs.SitesAsync(conn, cancellationToken);
        var counts = await CountsAsync(conn, species, season, request, cancellationToken);
        var thresholds = (await PopulationEstimateCatalogue.ListAsync(conn, species, cancellationToken))
            .Select(p => new PopulationThreshold(p.Population, p.Estimate, p.OnePercentThreshold, p.Source, p.Year)).ToList();
        return Create(request, season, species, speciesName, sites, counts, thresholds);
    }

    /// <summary>
    /// The window of <paramref name="text"/>: "MM-DD..MM-DD" (named by its dates), or the name of one of
    /// <paramref name="seasons"/> (the species' own windows, else the defaults); null and the problem otherwise.
    /// </summary>
    public static Season? SeasonOf(IReadOnlyList<Season> seasons, string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        problem = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Contains("..", StringComparison.Ordinal))
        {
            var season = Season.Parse(trimmed, trimmed, null, Season.DefaultTimeZone, out var error);
            problem = season is null ? $"--window: {error}" : null;
            return season;
        }
        var named = Season.Find(seasons, trimmed);
        if (named is null)
        {
            problem = $"--window: '{text}' is neither a window MM-DD..MM-DD (e.g. 12-01..02-28) nor a season ({string.Join(", ", seasons.Select(s => s.Name))})";
        }
        return named;
    }

    /// <summary>Builds the inputs from values (what <see cref="LoadAsync"/> read, or a test's data).</summary>
    public static TrendInputsResult Create(TrendRequest request, Season season, string species, string speciesName,
        IReadOnlyDictionary<string, ReportSite> sites, IReadOnlyCollection<CountRecord> counts, IReadOnlyList<PopulationThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(thresholds);
        var problems = CheckRequest(request);
        if (problems.Count > 0)
        {
            return new TrendInputsResult(null, problems);
        }
        var countries = new HashSet<string>(request.Countries.Select(c => c.Trim().ToUpperInvariant()), StringComparer.Ordinal);
        var used = counts.Where(c => sites.ContainsKey(c.SiteCode) && (countries.Count == 0 || countries.Contains(sites[c.SiteCode].Country))).ToList();
        var values = SiteYearRule.Of(used, species, season, request.FirstYear, request.LastYear);
        var tableSites = values.Select(v => v.Site).Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => sites[c], StringComparer.Ordinal);
        var span = string.Create(Invariant, $"{request.FirstYear}-{request.LastYear}");
        if (values.Count == 0)
        {
            var where = countries.Count > 0 ? " in " + string.Join(", ", countries.Order(StringComparer.Ordinal)) : "";
            return new TrendInputsResult(null, [$"no counts of {species} in the window {season.Start}..{season.End} of {span}{where}: nothing to fit"]);
        }
        var siteCountries = tableSites.Values.Select(s => s.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var byCountry = request.ByCountry ?? siteCountries.Length > 1;
        if (byCountry && siteCountries.Length < 2)
        {
            return new TrendInputsResult(null, [$"--covariate country: every site with counts lies in {siteCountries[0]}; per-country strata need two countries or more"]);
        }
        var chosen = Choose(thresholds, request.Population, species, out var populationProblem);
        if (chosen is null)
        {
            return new TrendInputsResult(null, [populationProblem!]);
        }
        var table = new TrendInput
        {
            Counts = [.. values.Select(v => new SiteYearCount(v.Site, v.Year, v.Count, byCountry ? [tableSites[v.Site].Country] : []))],
            CovariateNames = byCountry ? [CountryCovariate] : [],
            FirstYear = request.FirstYear,
            LastYear = request.LastYear,
        };
        return new TrendInputsResult(new TrendInputs
        {
            Request = request,
            Species = species,
            SpeciesName = speciesName,
            Season = season,
            Sites = tableSites,
            Values = values,
            Table = table,
            ByCountry = byCountry,
            Staging = request.Staging ?? (season.Name is "spring" or "autumn"),
            Thresholds = chosen,
        }, []);
    }

    private static List<PopulationThreshold>? Choose(IReadOnlyList<PopulationThreshold> thresholds, string? population, string species, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(population))
        {
            return [.. thresholds];
        }
        var found = thresholds.Where(t => string.Equals(t.Population, population.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0)
        {
            problem = thresholds.Count == 0
                ? $"--population: the population estimates table has no population of {species} (add one with neaspec thresholds set)"
                : $"--population: '{population}' is not a population of {species}; the table has {string.Join(", ", thresholds.Select(t => $"'{t.Population}'"))}";
            return null;
        }
        return found;
    }

    private static List<string> CheckRequest(TrendRequest r)
    {
        var problems = new List<string>();
        if (r.FirstYear > r.LastYear)
        {
            problems.Add(string.Create(Invariant, $"--years: {r.FirstYear}-{r.LastYear} runs backwards; give the first year first, e.g. {r.LastYear}-{r.FirstYear}"));
        }
        foreach (var year in new[] { r.FirstYear, r.LastYear }.Distinct())
        {
            if (year is < 1900 or > 2200)
            {
                problems.Add(string.Create(Invariant, $"--years: {year} is not a plausible survey year"));
            }
        }
        if (!ReportRequest.Languages.Contains(r.Language))
        {
            problems.Add($"--lang: '{r.Language}' is not one of {string.Join(", ", ReportRequest.Languages)}");
        }
        foreach (var country in r.Countries.Where(c => c.Trim().Length != 2 || !c.Trim().All(char.IsAsciiLetter)))
        {
            problems.Add($"--country: '{country}' is not an ISO 3166-1 alpha-2 code such as KR");
        }
        return problems;
    }

    private static async Task<List<CountRecord>> CountsAsync(NpgsqlConnection conn, string species, Season season, TrendRequest request,
        CancellationToken ct)
    {
        // Only the dates of the first to the last window: the rule then sorts each count into its year's window.
        var from = SeasonWindow.Of(season, request.FirstYear).From;
        var to = SeasonWindow.Of(season, request.LastYear).To;
        await using var cmd = new NpgsqlCommand("""
            select s.code, v.survey_date, c.individuals
            from counts c
            join surveys v on v.id = c.survey_id
            join sites s on s.id = v.site_id
            where c.species_name = @species and v.survey_date between @from and @to
            """, conn);
        cmd.Parameters.AddWithValue("species", species);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        var counts = new List<CountRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new CountRecord(reader.GetString(0), species, reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
        }
        return counts;
    }
}
