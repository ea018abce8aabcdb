using System.Security.Cryptography;
using System.Text;

namespace Neaspec.Survey.Portal.Uploads;

/// <summary>The storage folder: receives an upload into a folder of its own (named by a random id, never by
/// anything the user sent), hashing it on the way, and keeps it afterwards under its SHA-256.</summary>
public sealed class UploadStore(PortalOptions options)
{
    /// <summary>Copies the upload's stream to disk in blocks, hashing as it goes (memory stays flat).</summary>
    public async Task<ReceivedFile> ReceiveAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = System.IO.Path.Combine(options.IncomingFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var safeName = SafeName(fileName);
        var path = System.IO.Path.Combine(folder, safeName);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        catch
        {
            // Too large, cancelled, the connection dropped: nothing half-received stays behind.
            Directory.Delete(folder, recursive: true);
            throw;
        }
        return new ReceivedFile(folder, path, safeName, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>Moves the received bytes to <c>uploads/ab/&lt;sha256&gt;</c> (the same bytes are kept once) and
    /// removes the incoming folder. Returns the kept path relative to the storage folder.</summary>
    public string Keep(ReceivedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var relative = System.IO.Path.Combine("uploads", file.Sha256[..2], file.Sha256);
        var target = System.IO.Path.Combine(options.StorageFolder, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(file.Path, target);
        }
        Directory.Delete(file.Folder, recursive: true);
        return relative;
    }

    /// <summary>Where an upload's error report goes: <c>reports/&lt;the upload's random id&gt;/</c>.</summary>
    public string ReportFolder(ReceivedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return System.IO.Path.Combine(options.ReportsFolder, System.IO.Path.GetFileName(file.Folder));
    }

    /// <summary>A path inside the storage folder, or null when <paramref name="relative"/> would leave it.</summary>
    public string? Resolve(string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return null;
        }
        var root = System.IO.Path.GetFullPath(options.StorageFolder) + System.IO.Path.DirectorySeparatorChar;
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The relative form of a path inside the storage folder (null outside it).</summary>
    public string? Relative(string? path)
    {
        if (path is null)
        {
            return null;
        }
        var relative = System.IO.Path.GetRelativePath(options.StorageFolder, System.IO.Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>The last segment of a name a browser sent (either slash), with control and path characters
    /// replaced, no leading dots, at most 100 characters. It is shown and recorded, and names the file only
    /// inside its own random folder while it is imported.</summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' or '(' or ')' ? c : '_');
        }
        var safe = clean.ToString().Trim().TrimStart('.');
        if (safe.Length > 100)
        {
            var extension = System.IO.Path.GetExtension(safe);
            safe = safe[..(100 - Math.Min(extension.Length, 10))] + extension[..Math.Min(extension.Length, 10)];
        }
        return safe.Length == 0 || safe.All(c => c == '_') ? "upload" : safe;
    }
}
