namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Database ids for the individuals (or tags) a file names, in the file's numbering: the stored id
/// of a name the study knows, else the next id of a block reserved (<c>nextval</c>) before the COPY, so the
/// COPY can refer to rows that are inserted after it.</summary>
internal sealed class ReservedIds(string what, string study, Dictionary<string, int> stored, int[] reserved,
    Func<int, (string Study, string Name)> keyOf)
{
    private readonly List<int> ids = [];
    private int next;

    /// <summary>The ids of the keys resolved so far, by key.</summary>
    public IReadOnlyList<int> Ids => ids;

    /// <summary>The id of key <paramref name="key"/>; gives up (<see cref="DirectCopyWriter.Abandoned"/>) on a
    /// second study or when the reserved block runs out.</summary>
    public int For(int key)
    {
        while (ids.Count <= key)
        {
            var (s, name) = keyOf(ids.Count);
            if (s != study)
            {
                throw new DirectCopyWriter.Abandoned("the file has more than one study");
            }
            if (!stored.TryGetValue(name, out var id))
            {
                if (next == reserved.Length)
                {
                    throw new DirectCopyWriter.Abandoned($"more than {reserved.Length} new {what}");
                }
                id = reserved[next++];
            }
            ids.Add(id);
        }
        return ids[key];
    }
}
