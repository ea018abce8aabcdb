namespace Neaspec.Survey.Files.Migratory;

/// <summary>A region-by-region table as read from a file (psi, or a distance matrix): the ids of its rows and
/// columns in file order, the values, and the line each row is on.</summary>
internal sealed record RegionMatrix(string File, int HeaderLine, string[] Rows, string[] Columns, double[,] Values, int[] Lines)
{
    /// <summary>The same table with its rows put in the order of its columns (a square matrix whose row ids are
    /// its column ids, in any order).</summary>
    public RegionMatrix RowsInColumnOrder()
    {
        var row = Rows.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var values = new double[Columns.Length, Columns.Length];
        for (var i = 0; i < Columns.Length; i++)
        {
            var from = row[Columns[i]];
            for (var k = 0; k < Columns.Length; k++)
            {
                values[i, k] = Values[from, k];
            }
        }
        return this with { Rows = Columns, Values = values, Lines = Columns.Select(id => Lines[row[id]]).ToArray() };
    }
}
