namespace Neaspec.Survey.Connectivity;

/// <summary>
/// A rooted tree over the nodes a search reached (a shortest-path tree, or a dominator tree), numbered in preorder
/// so that the subtree of u is the index range [Tin[u], Tout[u]) of <see cref="Pre"/>: a subtree cut off by
/// removing u is then a range test.
/// </summary>
internal sealed class TreeRanges(int n)
{
    public int[] ChildStart { get; } = new int[n + 1];

    public int[] Children { get; } = new int[n];

    public int[] Pre { get; } = new int[n];

    public int[] Tin { get; } = new int[n];

    public int[] Tout { get; } = new int[n];

    private readonly int[] placed = new int[n];
    private readonly int[] stack = new int[n];

    /// <summary>Builds the tree of the first <paramref name="reached"/> nodes of <paramref name="order"/> (the root
    /// first), each with its parent in <paramref name="parent"/>.</summary>
    public void Build(int[] order, int reached, int[] parent)
    {
        Array.Clear(ChildStart);
        for (var r = 1; r < reached; r++)
        {
            ChildStart[parent[order[r]] + 1]++;
        }
        for (var i = 0; i + 1 < ChildStart.Length; i++)
        {
            ChildStart[i + 1] += ChildStart[i];
        }
        Array.Clear(placed);
        for (var r = 1; r < reached; r++)
        {
            var v = order[r];
            var p = parent[v];
            Children[ChildStart[p] + placed[p]++] = v;
        }
        var top = 0;
        var time = 0;
        stack[top++] = order[0];
        while (top > 0)
        {
            var u = stack[--top];
            Tin[u] = time;
            Pre[time++] = u;
            for (var c = ChildStart[u]; c < ChildStart[u + 1]; c++)
            {
                stack[top++] = Children[c];
            }
        }
        // Tout[u] = one past the last preorder index of u's subtree, filled bottom-up.
        for (var x = reached - 1; x >= 0; x--)
        {
            var u = Pre[x];
            var end = x + 1;
            for (var c = ChildStart[u]; c < ChildStart[u + 1]; c++)
            {
                end = Math.Max(end, Tout[Children[c]]);
            }
            Tout[u] = end;
        }
    }
}
