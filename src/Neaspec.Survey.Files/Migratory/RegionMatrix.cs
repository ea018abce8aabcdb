namespace Neaspec.Survey.Files.Migratory;

/// <summary>A region-by-region table as read from a file (psi, or a distance matrix): the ids of its rows and
/// columns in file order, the values, and the line each row is on.</summary>
internal sealed record RegionMatrix(string File, int HeaderLine, string[] Rows, string[] Columns, double[,] Values, int[] Lines)
{
    /// <summary>The same table with its rows and columns put in the order of <paramref name="ids"/> (which holds
    /// exactly the ids of both).</summary>
    public RegionMatrix Reorder(string[] ids)
    {
        var row = Rows.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var column = Columns.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var values = new double[ids.Length, ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            for (var k = 0; k < ids.Length; k++)
            {
                values[i, k] = Values[row[ids[i]], column[ids[k]]];
            }
        }
        return this with { Rows = ids, Columns = ids, Values = values, Lines = ids.Select(id => Lines[row[id]]).ToArray() };
    }
}
