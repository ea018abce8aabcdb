namespace Neaspec.Survey.Portal.Uploads;

/// <summary>Upload statuses beyond the ledger's.</summary>
public static class UploadStatus
{
    /// <summary>Recognised, kept, but no importer for its kind is installed yet.</summary>
    public const string NotAvailable = "not-available";
}
