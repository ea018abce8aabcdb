namespace Neaspec.Survey.Connectivity;

/// <summary>
/// PC, EC(PC), IIC, their fractions and the per-site dPC, dIIC and BC(PC) of a <see cref="SiteNetwork"/>.
/// </summary>
/// <remarks>
/// Formulas: Saura &amp; Pascual-Hortal 2007 (PC), Pascual-Hortal &amp; Saura 2006 (IIC), Saura &amp; Rubio 2010
/// (dPC fractions), Bodin &amp; Saura 2010 (BC(PC)), Saura, Bodin &amp; Fortin 2014 (PCdirect, PCstep).
/// </remarks>
public static class ConnectivityAnalysis
{
    /// <summary>Runs the analysis. Weights are taken as given.</summary>
    public static ConnectivityResult Run(SiteNetwork network, ConnectivityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new ConnectivityOptions();
        var nodes = network.Nodes;
        var n = nodes.Count;
        var a = nodes.Select(x => x.Weight).ToArray();
        var longitude = nodes.Select(x => x.Longitude).ToArray();
        var (country, countryNames) = Countries(nodes);
        var dop = Math.Max(1, options.MaxDegreeOfParallelism);

        PathSearch.Totals pc;
        long links;
        if (network.Decay is { } decay && network.MinimumProbability == 0 && options.DirectLinksAreBestInMetricDecay)
        {
            pc = DirectDecay(network, decay, a, country, Math.Max(1, countryNames.Length), dop);
            links = (long)n * (n - 1) / 2;
        }
        else
        {
            var g = Graph.Build(n, Arcs(network), network.IsDirected, hops: false, longitude);
            pc = PathSearch.Run(g, a, hops: false, country, Math.Max(1, countryNames.Length), dop);
            links = g.Links;
        }
        var iicGraph = Graph.Build(n, IicArcs(network), network.IsDirected, hops: true, longitude);
        var iic = HopSearch.Fits(n)
            ? HopSearch.Run(iicGraph, a, country, Math.Max(1, countryNames.Length), dop)
            : PathSearch.Run(iicGraph, a, hops: true, country, Math.Max(1, countryNames.Length), dop);

        var areaTotal = AreaTotal(options, a);
        var perNode = new NodeConnectivity[n];
        for (var k = 0; k < n; k++)
        {
            // Saura & Rubio 2010: dPC = dPCintra + dPCflux + dPCconnector, each 100 x (part / PCnum).
            var intra = Percent(a[k] * a[k], pc.Num);
            var flux = Percent(pc.Flux[k], pc.Num);
            var connector = Percent(pc.Connector[k], pc.Num);
            var iicIntra = Percent(a[k] * a[k], iic.Num);
            var iicFlux = Percent(iic.Flux[k], iic.Num);
            var iicConnector = Percent(iic.Connector[k], iic.Num);
            perNode[k] = new NodeConnectivity(nodes[k].Id,
                intra + flux + connector, intra, flux, connector,
                iicIntra + iicFlux + iicConnector, iicIntra, iicFlux, iicConnector,
                pc.Between[k]);
        }
        return new ConnectivityResult
        {
            PCnum = pc.Num,
            PC = pc.Num / (areaTotal * areaTotal),
            EC = Math.Sqrt(pc.Num),
            IICnum = iic.Num,
            IIC = iic.Num / (areaTotal * areaTotal),
            PCintra = Fraction(pc.Intra, pc.Num),
            PCdirect = Fraction(pc.Direct, pc.Num),
            PCstep = Fraction(pc.Step, pc.Num),
            AreaTotal = areaTotal,
            Nodes = n,
            Links = links,
            IicLinks = iicGraph.Links,
            Components = iicGraph.Components(),
            PerNode = perNode,
            CountryPairs = countryNames.Length == 0 ? null : Pairs(pc, countryNames),
        };
    }

    /// <summary>
    /// A_L: given, or the sum of the weights. A given A_L (the flyway population, or the largest sum over the years
    /// compared) keeps PC comparable across years, where the default sum makes PC = 1 for any single site; it must be
    /// at least the sum of the weights, or PC could exceed 1 (Saura &amp; Pascual-Hortal 2007: A_L is the total
    /// attribute of the study area, habitat and non-habitat).
    /// </summary>
    private static double AreaTotal(ConnectivityOptions options, double[] a)
    {
        var sum = 0.0;
        foreach (var x in a)
        {
            sum += x;
        }
        var areaTotal = options.AreaTotal ?? sum;
        if (!(areaTotal > 0) || double.IsInfinity(areaTotal))
        {
            throw new ArgumentException($"A_L must be > 0 (got {areaTotal}); with all weights 0 nothing is connected.", nameof(options));
        }
        if (areaTotal < sum * (1 - 1e-12))
        {
            throw new ArgumentException(
                $"A_L = {areaTotal} is less than the sum of the site weights ({sum}); it is the total of the whole study area, so PC would exceed 1.",
                nameof(options));
        }
        return areaTotal;
    }

    private static double Percent(double part, double whole) => whole > 0 ? 100 * part / whole : 0;

    private static double Fraction(double part, double whole) => whole > 0 ? part / whole : 0;

    /// <summary>Country index per node; no table unless every node has a country.</summary>
    private static (int[] Index, string[] Names) Countries(IReadOnlyList<SiteNode> nodes)
    {
        var index = new int[nodes.Count];
        if (nodes.Count == 0 || nodes.Any(x => string.IsNullOrWhiteSpace(x.Country)))
        {
            return (index, []);
        }
        var names = nodes.Select(x => x.Country!.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            index[i] = Array.IndexOf(names, nodes[i].Country!.Trim().ToUpperInvariant());
        }
        return (index, names);
    }

    private static CountryPairs Pairs(PathSearch.Totals pc, string[] names)
    {
        var c = names.Length;
        var rows = new List<CountryPair>();
        var across = 0.0;
        for (var x = 0; x < c; x++)
        {
            for (var y = 0; y < c; y++)
            {
                var v = pc.CountryPairs[(x * c) + y];
                if (v > 0)
                {
                    rows.Add(new CountryPair(names[x], names[y], v, Fraction(v, pc.Num)));
                    if (x != y)
                    {
                        across += v;
                    }
                }
            }
        }
        return new CountryPairs(rows, Fraction(across, pc.Num), Fraction(across, pc.Num - pc.Intra));
    }

    private static List<Graph.Arc> Arcs(SiteNetwork network)
    {
        var arcs = new List<Graph.Arc>();
        foreach (var link in network.Links)
        {
            arcs.Add(new Graph.Arc(network.Index[link.From], network.Index[link.To], link.Probability));
        }
        return arcs;
    }

    /// <summary>
    /// IIC links: for distance decay, pairs with d &lt;= d0 (p &gt;= p0), compared on distance so rounding of
    /// exp(ln p0) cannot drop a pair at exactly d0, and never a pair the PC network pruned (so with a minimum
    /// probability above p0 the IIC links are the PC links, not more); otherwise every link with p &gt; 0.
    /// </summary>
    private static List<Graph.Arc> IicArcs(SiteNetwork network)
    {
        if (network.Decay is not { } decay)
        {
            return Arcs(network);
        }
        var points = network.Points();
        var arcs = new List<Graph.Arc>();
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = i + 1; j < points.Length; j++)
            {
                var d = points[i].DistanceKm(points[j]);
                if (d <= decay.MedianDistanceKm)
                {
                    // The same test as the PC links (SiteNetwork.DecayLinks), so IIC links are a subset of them.
                    var p = decay.Probability(d);
                    if (p > 0 && p >= network.MinimumProbability)
                    {
                        arcs.Add(new Graph.Arc(i, j, p));
                    }
                }
            }
        }
        return arcs;
    }

    /// <summary>
    /// Complete distance-decay network: p*_ij = p_ij = exp(-k d_ij). For any path, the product of the link
    /// probabilities is exp(-k * path length) and the path is at least as long as the great-circle distance,
    /// so the direct link is a best path: no pair goes through a stepping stone, dPCconnector and BC(PC) are 0
    /// and dPC_k = dPCintra_k + dPCflux_k exactly. O(n^2) instead of n path searches.
    /// </summary>
    private static PathSearch.Totals DirectDecay(SiteNetwork network, DistanceDecay decay, double[] a,
        int[] country, int countries, int dop)
    {
        var n = a.Length;
        var points = network.Points();
        // Fixed chunks of sources, each summed in source order, then the chunks in chunk order: the same input gives
        // the same bits whatever the number of threads or their timing.
        var chunks = Chunks.Of(n);
        var parts = new PathSearch.Totals[chunks.Count];
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = dop }, c =>
        {
            var t = parts[c] = new PathSearch.Totals(n, countries);
            for (var i = chunks.From(c); i < chunks.To(c); i++)
            {
                var ai = a[i];
                var ci = country[i] * countries;
                var intra = ai * ai;
                t.Num += intra;
                t.Intra += intra;
                t.CountryPairs[ci + country[i]] += intra;
                // Each unordered pair once, counted for both orders (p_ij = p_ji).
                for (var j = i + 1; j < n; j++)
                {
                    var val = ai * a[j] * decay.Probability(points[i].DistanceKm(points[j]));
                    t.Num += 2 * val;
                    t.Direct += 2 * val;
                    t.Flux[i] += 2 * val;
                    t.Flux[j] += 2 * val;
                    t.CountryPairs[ci + country[j]] += val;
                    t.CountryPairs[(country[j] * countries) + country[i]] += val;
                }
            }
        });
        var total = new PathSearch.Totals(n, countries);
        foreach (var part in parts)
        {
            total.Add(part);
        }
        return total;
    }
}
