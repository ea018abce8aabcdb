using System.Diagnostics;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>A small tmpfs mounted over a test's folder: a disk that fills up for real (ENOSPC), unmounted
/// when disposed. Needs root, as the tests and CI run; a machine where mounting fails fails the test with
/// mount's own message rather than skipping it.</summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Mounts a tmpfs of <paramref name="sizeBytes"/> over <paramref name="folder"/> (created if missing).</summary>
    public static Tmpfs Mount(string folder, long sizeBytes)
    {
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", folder);
        return new Tmpfs(folder);
    }

    /// <summary>Gives the mounted disk a new size (a disk that was full has room again).</summary>
    public void Resize(long sizeBytes) => Run("mount", "-o", $"remount,size={sizeBytes}", Folder);

    /// <summary>Fills the disk to the last byte with a hidden file (the worker never takes hidden files).</summary>
    public void Fill()
    {
        using var filler = new FileStream(Path.Combine(Folder, ".filler"), FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full: what the test wants.
        }
    }

    private static void Run(params string[] args)
    {
        var psi = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args[1..])
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)}: exit {process.ExitCode}: {error}");
        }
    }

    public void Dispose() => Run("umount", "--lazy", Folder);
}
