using System.Globalization;

namespace Neaspec.Survey.Trends.Internals;

/// <summary>The site x year table TRIM works on (TRIM 3 manual, "Data"): f_ij per cell, NaN where missing,
/// the covariate category of every cell, and the sites removed because they have no positive count.</summary>
internal sealed class CountTable
{
    private CountTable(string[] sites, int[] years, double[] counts, string[] covariateNames, string[][] categoryNames,
        int[][] categories, string[] removed)
    {
        Sites = sites;
        Years = years;
        Counts = counts;
        CovariateNames = covariateNames;
        CategoryNames = categoryNames;
        Categories = categories;
        RemovedSites = removed;
    }

    public string[] Sites { get; }

    public int[] Years { get; }

    /// <summary>f_ij at [i * J + j]; NaN for a missing count.</summary>
    public double[] Counts { get; }

    public string[] CovariateNames { get; }

    /// <summary>Per covariate, its categories in ordinal order; the first is the baseline.</summary>
    public string[][] CategoryNames { get; }

    /// <summary>Per covariate, the category index of every cell at [i * J + j] (0 = baseline).</summary>
    public int[][] Categories { get; }

    public string[] RemovedSites { get; }

    public int SiteCount => Sites.Length;

    public int YearCount => Years.Length;

    public bool IsObserved(int site, int year) => !double.IsNaN(Counts[(site * Years.Length) + year]);

    /// <summary>Builds the table, or says why the cells cannot make one.</summary>
    public static CountTable? Build(TrendInput input, List<string> problems)
    {
        var covariates = input.CovariateNames.ToArray();
        if (input.Counts.Count == 0)
        {
            problems.Add("there are no counts");
            return null;
        }
        var first = input.FirstYear ?? input.Counts.Min(c => c.Year);
        var last = input.LastYear ?? input.Counts.Max(c => c.Year);
        if (last - first < 1)
        {
            problems.Add($"a trend needs at least two years; the counts cover {first} only");
            return null;
        }
        var years = Enumerable.Range(first, last - first + 1).ToArray();
        var bySite = new Dictionary<string, Dictionary<int, SiteYearCount>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var cell in input.Counts)
        {
            if (!Accept(cell, first, last, covariates.Length, problems))
            {
                continue;
            }
            if (!bySite.TryGetValue(cell.Site, out var cells))
            {
                bySite[cell.Site] = cells = [];
                order.Add(cell.Site);
            }
            if (!cells.TryAdd(cell.Year, cell))
            {
                problems.Add($"site {cell.Site} has two counts for {cell.Year}");
            }
        }
        if (problems.Count > 0)
        {
            return null;
        }

        // TRIM removes sites without a positive count: whatever their level, they say nothing about change.
        var kept = order.Where(s => bySite[s].Values.Any(c => c.Count > 0)).ToArray();
        var removed = order.Where(s => !bySite[s].Values.Any(c => c.Count > 0)).ToArray();
        if (kept.Length == 0)
        {
            problems.Add("no site has a positive count");
            return null;
        }
        var counts = new double[kept.Length * years.Length];
        Array.Fill(counts, double.NaN);
        for (var i = 0; i < kept.Length; i++)
        {
            foreach (var cell in bySite[kept[i]].Values)
            {
                if (cell.Count is { } n)
                {
                    counts[(i * years.Length) + cell.Year - first] = n;
                }
            }
        }
        var (names, categories) = Categorise(kept, bySite, years, covariates, problems);
        return problems.Count > 0 ? null : new CountTable(kept, years, counts, covariates, names, categories, removed);
    }

    private static bool Accept(SiteYearCount cell, int first, int last, int covariates, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(cell.Site))
        {
            problems.Add($"a count for {cell.Year} has no site");
            return false;
        }
        if (cell.Year < first || cell.Year > last)
        {
            problems.Add($"site {cell.Site}: {cell.Year} is outside the years {first}-{last}");
            return false;
        }
        if (cell.Count < 0)
        {
            problems.Add($"site {cell.Site}, {cell.Year}: a count cannot be negative ({cell.Count})");
            return false;
        }
        if (cell.Covariates.Count != covariates)
        {
            problems.Add($"site {cell.Site}, {cell.Year}: {cell.Covariates.Count} covariate values for {covariates} covariates");
            return false;
        }
        return true;
    }

    /// <summary>Each covariate's categories (ordinal order, the first is TRIM's baseline class 1) and the
    /// category of every cell. A year without a cell takes the site's category when the site has only one;
    /// a site that changes category must give every year, since its missing years are imputed by category.</summary>
    private static (string[][] Names, int[][] Categories) Categorise(string[] sites,
        Dictionary<string, Dictionary<int, SiteYearCount>> bySite, int[] years, string[] covariates, List<string> problems)
    {
        var names = new string[covariates.Length][];
        var categories = new int[covariates.Length][];
        for (var c = 0; c < covariates.Length; c++)
        {
            names[c] = sites.SelectMany(s => bySite[s].Values.Select(x => x.Covariates[c]))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (names[c].Length < 2)
            {
                problems.Add($"covariate {covariates[c]} has one category only ({string.Join(", ", names[c])}): there is nothing to compare");
                continue;
            }
            var index = names[c].Select((n, k) => (n, k)).ToDictionary(x => x.n, x => x.k, StringComparer.Ordinal);
            categories[c] = new int[sites.Length * years.Length];
            for (var i = 0; i < sites.Length; i++)
            {
                var cells = bySite[sites[i]];
                var distinct = cells.Values.Select(x => x.Covariates[c]).Distinct(StringComparer.Ordinal).ToArray();
                for (var j = 0; j < years.Length; j++)
                {
                    if (cells.TryGetValue(years[j], out var cell))
                    {
                        categories[c][(i * years.Length) + j] = index[cell.Covariates[c]];
                    }
                    else if (distinct.Length == 1)
                    {
                        categories[c][(i * years.Length) + j] = index[distinct[0]];
                    }
                    else
                    {
                        problems.Add(string.Create(CultureInfo.InvariantCulture,
                            $"site {sites[i]} changes {covariates[c]} ({string.Join(", ", distinct)}) but has no row for {years[j]}: give that year (a blank count) with its {covariates[c]}"));
                    }
                }
            }
        }
        return (names, categories);
    }
}
