namespace Neaspec.Survey.Portal.Uploads;

/// <summary>What an uploaded file was recognised as.</summary>
public static class UploadKinds
{
    public const string Counts = "counts";
    public const string Movebank = "movebank";
    public const string Sites = "sites";
    public const string Species = "species";
    public const string NotCsv = "not-csv";
}
