namespace Neaspec.Survey.Storage.Model;

/// <summary>Ledger kinds.</summary>
public static class ImportKind
{
    public const string Counts = "counts";
    public const string Sites = "sites";
    public const string Tracks = "tracks";
    public const string Reference = "reference";
    public const string Species = "species";
}
