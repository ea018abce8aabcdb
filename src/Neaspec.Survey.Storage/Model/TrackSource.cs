namespace Neaspec.Survey.Storage.Model;

/// <summary>What a tracks file looked like: its header as written, and which columns were kept only in
/// <see cref="Fix.Attributes"/>.</summary>
public sealed class TrackSource
{
    public long ImportId { get; set; }
    public List<string> Header { get; set; } = [];
    public List<string> AttributeColumns { get; set; } = [];
    public long RowsWithoutLocation { get; set; }
    public long NonLocationRows { get; set; }
    public long SpeedFlagged { get; set; }
}
