namespace Neaspec.Survey.Files.Tests;

/// <summary>The two readings of <see cref="CsvRecords"/>: the input files' cleaned one and the connectivity file mode's
/// one as written. The file below has a BOM, spaces around fields and a spreadsheet's trailing line of empty fields.</summary>
public sealed class CsvRecordsTests : IDisposable
{
    private const string Content = "id , lon\n a ,1\n,\nb,2\n";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Read_trims_fields_drops_the_bom_and_skips_a_line_of_empty_fields()
    {
        var path = files.Write("nodes.csv", Content, bom: true);

        var records = CsvRecords.Read(path).ToList();

        // Physical lines 1, 2 and 4: line 3 (",") holds only empty fields.
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["id", "lon"], records[0].Fields);
        Assert.Equal(["a", "1"], records[1].Fields);
    }

    [Fact]
    public void ReadAsWritten_keeps_every_line_and_the_fields_as_written()
    {
        var path = files.Write("nodes.csv", Content);

        var records = CsvRecords.ReadAsWritten(path).ToList();

        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
        Assert.Equal(["id ", " lon"], records[0].Fields);
        Assert.Equal([" a ", "1"], records[1].Fields);
        Assert.Equal(["", ""], records[2].Fields);
    }
}
