namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Compressed adjacency (out- and in-arcs) with arc weights w = -ln p for PC or w = 1 for IIC. The in-arcs
/// are what a removed node's subtree is re-seeded from in <see cref="PathSearch"/>.
/// </summary>
internal sealed class Graph
{
    private Graph(int n, int[] outStart, int[] outTo, double[] outW, double[] outP,
        int[] inStart, int[] inFrom, double[] inW, long links, bool directed)
    {
        IsDirected = directed;
        N = n;
        OutStart = outStart;
        OutTo = outTo;
        OutW = outW;
        OutP = outP;
        InStart = inStart;
        InFrom = inFrom;
        InW = inW;
        Links = links;
    }

    public int N { get; }
    public bool IsDirected { get; }
    public int[] OutStart { get; }
    public int[] OutTo { get; }
    public double[] OutW { get; }
    public double[] OutP { get; }
    public int[] InStart { get; }
    public int[] InFrom { get; }
    public double[] InW { get; }

    /// <summary>Links as the user counts them: unordered pairs when undirected, arcs when directed.</summary>
    public long Links { get; }

    public readonly record struct Arc(int From, int To, double P);

    /// <summary>Original node index of each internal index; internal ids follow longitude.</summary>
    public int[] Order { get; private init; } = [];

    /// <summary>Builds the graph; an undirected link becomes two arcs. With hops (IIC) every arc weighs 1,
    /// otherwise (PC) w = -ln p. Nodes are renumbered west to east: shortest-path subtrees are spatial
    /// cones, so numbering by position lets <see cref="PathSearch"/> skip more of them by symmetry.</summary>
    public static Graph Build(int n, IReadOnlyList<Arc> links, bool directed, bool hops, double[] longitude)
    {
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(longitude.ToArray(), order);
        var rank = new int[n];
        for (var i = 0; i < n; i++)
        {
            rank[order[i]] = i;
        }
        var arcCount = directed ? links.Count : 2 * links.Count;
        var outStart = new int[n + 1];
        var inStart = new int[n + 1];
        foreach (var link in links)
        {
            outStart[rank[link.From] + 1]++;
            inStart[rank[link.To] + 1]++;
            if (!directed)
            {
                outStart[rank[link.To] + 1]++;
                inStart[rank[link.From] + 1]++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        var outTo = new int[arcCount];
        var outW = new double[arcCount];
        var outP = new double[arcCount];
        var inFrom = new int[arcCount];
        var inW = new double[arcCount];
        var outFill = (int[])outStart.Clone();
        var inFill = (int[])inStart.Clone();

        void Add(int from, int to, double p)
        {
            var w = hops ? 1.0 : -Math.Log(p);
            var o = outFill[from]++;
            outTo[o] = to;
            outW[o] = w;
            outP[o] = p;
            var x = inFill[to]++;
            inFrom[x] = from;
            inW[x] = w;
        }

        foreach (var link in links)
        {
            Add(rank[link.From], rank[link.To], link.P);
            if (!directed)
            {
                Add(rank[link.To], rank[link.From], link.P);
            }
        }
        return new Graph(n, outStart, outTo, outW, outP, inStart, inFrom, inW, links.Count, directed) { Order = order };
    }

    /// <summary>Weakly connected components (direction ignored), by union-find.</summary>
    public int Components()
    {
        var parent = new int[N];
        for (var i = 0; i < N; i++)
        {
            parent[i] = i;
        }
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        var components = N;
        for (var u = 0; u < N; u++)
        {
            for (var e = OutStart[u]; e < OutStart[u + 1]; e++)
            {
                var ru = Find(u);
                var rv = Find(OutTo[e]);
                if (ru != rv)
                {
                    parent[ru] = rv;
                    components--;
                }
            }
        }
        return components;
    }
}
