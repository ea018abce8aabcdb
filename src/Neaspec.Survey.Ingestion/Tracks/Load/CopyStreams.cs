using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Runs the writing of a raw binary COPY.</summary>
internal static class CopyStreams
{
    /// <summary>Runs <paramref name="write"/> into a raw COPY; when it stops half-way the COPY is cancelled
    /// (CopyFail), never completed with what was sent so far, and the original exception goes on.</summary>
    public static async Task WriteOrCancelAsync(NpgsqlRawCopyStream raw, Action write)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write();
        }
        catch (Exception ex) when (ex is not NpgsqlException)
        {
            await raw.CancelAsync();
            throw;
        }
    }
}
