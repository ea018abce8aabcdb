namespace Neaspec.Survey.Sharing.Archive;

/// <summary>One data file of an archive as meta.xml describes it: its name in the zip, its row type and its
/// columns in order. Column 0 is the core's id (<c>id</c>) or the extension's link to it (<c>coreid</c>).</summary>
public sealed record ArchiveTable(string Location, string RowType, IReadOnlyList<DwcTerm> Columns)
{
    public IReadOnlyList<string> Header => [.. Columns.Select(c => c.Name)];
}
