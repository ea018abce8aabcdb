using System.Runtime.InteropServices;

namespace Neaspec.Survey.Files;

/// <summary>Writes and moves files all or nothing. A write goes into a temporary file beside the target
/// (same folder, so the rename cannot cross file systems), flushed to disk, then renamed over the target;
/// when writing fails or is cancelled the temporary file is deleted and the target, if it existed, is left
/// as it was. A move is a rename where source and target share a file system, and otherwise a copy to a
/// temporary name beside the target, flushed, renamed, and only then the source removed: a full disk or a
/// crash leaves the source whole and no partial file under the target's name.</summary>
public static partial class AtomicFile
{
    private const int CrossDevice = 18; // EXDEV on Linux

    /// <summary>Runs <paramref name="write"/> on the temporary file and, when it returns, moves the file to
    /// <paramref name="path"/>. The temporary file is named <c>.NAME.RANDOM.partial</c>, so the one a killed
    /// process leaves behind is recognisable.</summary>
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (target, temporary) = Names(path);
        try
        {
            T result;
            await using (var stream = Create(temporary))
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
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>As <see cref="WriteAsync{T}"/>, for a small file written at once (an error report).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (target, temporary) = Names(path);
        try
        {
            using (var stream = Create(temporary))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/> (which must not exist): one
    /// rename on the same file system, else copy-flush-rename and then the source removed. Throws
    /// <see cref="IOException"/> with the source still in place when the move cannot be made.</summary>
    public static void Move(string source, string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists already");
        }
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, target);
            return;
        }
        if (NativeRename(source, target) == 0)
        {
            return;
        }
        var errno = Marshal.GetLastPInvokeError();
        if (errno != CrossDevice)
        {
            throw new IOException($"cannot move {source} to {target}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var (_, temporary) = Names(target);
        try
        {
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var output = Create(temporary))
            {
                input.CopyTo(output, 1 << 20);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: false);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        File.Delete(source);
    }

    /// <summary>The target's full path and a fresh temporary name beside it.</summary>
    private static (string Target, string Temporary) Names(string path)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} has no folder", nameof(path));
        return (target, Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial"));
    }

    /// <summary>CreateNew is O_CREAT|O_EXCL: it never follows a link planted under the name nor opens a file
    /// someone else made; the rename afterwards replaces a link at the target itself, never what it points to.</summary>
    private static FileStream Create(string temporary) =>
        new(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The original failure is what the caller needs to see.
        }
    }

    /// <summary>rename(2): .NET's File.Move copies across file systems straight into the target's name, so
    /// only the system call tells a move that cannot be atomic (EXDEV) from one that is.</summary>
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeRename(string oldPath, string newPath);
}
