using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal;

/// <summary>The portal's settings, section <c>Portal</c> of appsettings.json or <c>NEASPEC_Portal__*</c> in the
/// environment: where uploaded files are kept, and how large one may be.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Uploaded files (named by SHA-256), error reports and in-flight uploads live here.
    /// Default: <c>portal-data</c> under the user's local application data folder.</summary>
    public string StorageFolder { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "neaspec", "portal-data");

    /// <summary>Largest file a researcher may upload, in bytes (default 100 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Row errors shown on an import's page; the downloadable report has them all.</summary>
    public int MaxErrorsShown { get; set; } = 500;

    /// <summary>Apply pending migrations (survey schema and portal schema) when the portal starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>ASP.NET Core data-protection keys (they sign the sign-in cookie and antiforgery tokens).
    /// Default: <c>keys</c> under the storage folder. Keep it private; it is never part of the repository.</summary>
    public string KeysFolder
    {
        get => string.IsNullOrWhiteSpace(keysFolder) ? Path.Combine(StorageFolder, "keys") : keysFolder;
        set => keysFolder = value;
    }

    private string? keysFolder;

    public string UploadsFolder => Path.Combine(StorageFolder, "uploads");
    public string IncomingFolder => Path.Combine(StorageFolder, "incoming");
    public string ReportsFolder => Path.Combine(StorageFolder, "reports");
    /// <summary>Archives being written for a download; each is deleted once sent.</summary>
    public string ExportsFolder => Path.Combine(StorageFolder, "exports");

    /// <summary>Fails with a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorageFolder))
        {
            throw new SettingsException("Portal:StorageFolder is empty: set it in appsettings.json or NEASPEC_Portal__StorageFolder.");
        }
        if (MaxUploadBytes <= 0)
        {
            throw new SettingsException($"Portal:MaxUploadBytes must be a positive number of bytes (is {MaxUploadBytes}).");
        }
        if (MaxErrorsShown <= 0)
        {
            throw new SettingsException($"Portal:MaxErrorsShown must be positive (is {MaxErrorsShown}).");
        }
        StorageFolder = Path.GetFullPath(StorageFolder);
        KeysFolder = Path.GetFullPath(KeysFolder);
        try
        {
            Directory.CreateDirectory(KeysFolder);
            Directory.CreateDirectory(UploadsFolder);
            Directory.CreateDirectory(IncomingFolder);
            Directory.CreateDirectory(ReportsFolder);
            Directory.CreateDirectory(ExportsFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Portal:StorageFolder {StorageFolder} cannot be created or written: {ex.Message}");
        }
    }
}
