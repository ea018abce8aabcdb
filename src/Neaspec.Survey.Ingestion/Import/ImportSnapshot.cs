using System.Security.Cryptography;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The bytes one import hashes and loads: a private copy of the file, made while hashing it, so the
/// SHA-256 the ledger keeps is exactly what was loaded even when someone goes on writing the original. A
/// file whose size or time stamp changed while it was copied is still being written: no snapshot, nothing
/// claimed. (A hard link would not do: it shares the inode, so an append to the original would reach the
/// load.) The copy lives in a private folder and is deleted when the import ends.</summary>
public sealed class ImportSnapshot : IDisposable
{
    private const int ChunkBytes = 1 << 20;
    private readonly string? ownFolder;

    private ImportSnapshot(string path, string sha256, long length, string? ownFolder)
    {
        Path = path;
        Sha256 = sha256;
        Length = length;
        this.ownFolder = ownFolder;
    }

    /// <summary>Where the copy is.</summary>
    public string Path { get; }

    /// <summary>Lower-case hex SHA-256 of the copy.</summary>
    public string Sha256 { get; }

    public long Length { get; }

    /// <summary>Copies <paramref name="source"/> into <paramref name="stagingFolder"/> (created private, mode
    /// 700; default: a new private temporary folder) while hashing it. Null when the file changed during
    /// the copy. Progress is reported per MiB as stage "snapshot".</summary>
    public static async Task<ImportSnapshot?> TakeAsync(string source, string? stagingFolder, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var before = new FileInfo(source);
        var (folder, own) = Folder(stagingFolder);
        var target = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.snapshot");
        try
        {
            var (sha, length) = await CopyAsync(source, target, before.Length, progress, cancellationToken);
            var after = new FileInfo(source);
            if (!after.Exists || after.Length != length || before.Length != length || after.LastWriteTimeUtc != before.LastWriteTimeUtc)
            {
                Delete(target, own);
                return null;
            }
            return new ImportSnapshot(target, sha, length, own);
        }
        catch
        {
            Delete(target, own);
            throw;
        }
    }

    private static (string Folder, string? Own) Folder(string? stagingFolder)
    {
        if (stagingFolder is null)
        {
            var created = Directory.CreateTempSubdirectory("neaspec-import-").FullName;
            return (created, created);
        }
        if (!Directory.Exists(stagingFolder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(stagingFolder);
            }
            else
            {
                Directory.CreateDirectory(stagingFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        return (stagingFolder, null);
    }

    private static async Task<(string Sha256, long Length)> CopyAsync(string source, string target, long expected,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // FileShare.ReadWrite: the original may still be open in its writer; we copy what is there now.
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        // CreateNew: never through a link or over a file someone planted under our name.
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            length += read;
            progress?.Report(new ImportProgress(0, length, Math.Max(expected, length), "snapshot"));
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    private static void Delete(string path, string? ownFolder)
    {
        try
        {
            File.Delete(path);
            if (ownFolder is not null)
            {
                Directory.Delete(ownFolder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A copy left in a private staging folder harms no one; the import's own outcome matters more.
        }
    }

    public void Dispose() => Delete(Path, ownFolder);
}
