namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>One data file of the archive: its columns' terms by index, its header line and its rows.</summary>
internal sealed record DwcTable(string Location, string RowType, IReadOnlyDictionary<int, string> Terms, string[] Header, IReadOnlyList<DwcRow> Rows);
