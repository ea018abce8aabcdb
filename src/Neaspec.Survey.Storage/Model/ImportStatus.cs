namespace Neaspec.Survey.Storage.Model;

/// <summary>Ledger status values.</summary>
public static class ImportStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>Good rows loaded, bad rows rejected (only with --accept-partial).</summary>
    public const string Partial = "partial";
    /// <summary>Bad input: nothing stored.</summary>
    public const string Rejected = "rejected";
    /// <summary>The load broke (database, I/O): nothing stored; a rerun may succeed.</summary>
    public const string Failed = "failed";
    /// <summary>The same bytes were imported before; nothing to do.</summary>
    public const string Unchanged = "unchanged";
    /// <summary>Never stored: the file changed while it was read (still being written), so it was not
    /// claimed and nothing was stored; import it again once it is complete.</summary>
    public const string Changing = "changing";
}
