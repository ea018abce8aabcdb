namespace Neaspec.Survey.Files.Tests;

/// <summary><see cref="AtomicFile"/> without root: a disk that fills half-way through a write is simulated by a
/// writer that throws what the kernel's ENOSPC becomes in .NET (an <see cref="IOException"/>, "No space left on
/// device") after writing part of the file. The worker's tests fill a real 1 MiB tmpfs (HostileInboxTests),
/// which needs root; these hold the same promise wherever the tests run.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateFileSystemEntries(files.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static void FullAfterHalf(Stream stream)
    {
        stream.Write(new byte[64 << 10]);
        throw new IOException("No space left on device", 28);
    }

    [Fact]
    public void A_write_the_disk_cannot_finish_leaves_the_earlier_file_as_it_was_and_no_temporary_file()
    {
        var path = files.Write("report.csv", "earlier report\n");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, FullAfterHalf));

        Assert.Equal(28, error.HResult);
        Assert.Equal("earlier report\n", File.ReadAllText(path));
        Assert.Equal(["report.csv"], Names());
    }

    [Fact]
    public void A_new_file_the_disk_cannot_finish_does_not_appear_at_all()
    {
        var path = Path.Combine(files.Folder, "new.csv");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, FullAfterHalf));

        Assert.False(File.Exists(path));
        Assert.Empty(Names());
    }

    [Fact]
    public void A_move_onto_a_name_that_is_taken_throws_and_leaves_both_files_whole()
    {
        // The worker picks a free name first; a name taken meanwhile must not be overwritten.
        var source = files.Write("survey.csv", "the survey\n");
        var taken = files.Write("taken.csv", "someone else's\n");

        Assert.Throws<IOException>(() => AtomicFile.Move(source, taken));

        Assert.Equal("the survey\n", File.ReadAllText(source));
        Assert.Equal("someone else's\n", File.ReadAllText(taken));
    }
}
