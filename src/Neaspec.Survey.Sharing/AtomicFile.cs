namespace Neaspec.Survey.Sharing;

/// <summary>Writes a file all or nothing: into a temporary file beside the target (same folder, so the
/// rename cannot cross file systems), flushed to disk, then renamed over the target. When writing fails or
/// is cancelled the temporary file is deleted and the target, if it existed, is left as it was.</summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on the temporary file and, when it returns, moves the file to
    /// <paramref name="path"/>. The temporary file is named <c>.NAME.RANDOM.partial</c>, so the one a killed
    /// process leaves behind is recognisable.</summary>
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} has no folder", nameof(path));
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            T result;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                result = await write(stream, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // The original failure is what the caller needs to see.
            }
            throw;
        }
    }
}
