using System.Text;

namespace Neaspec.Survey.Testing;

/// <summary>Files a test writes for itself, in a folder removed with the test class.</summary>
public sealed class TestFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("neaspec-test-").FullName;

    public string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A file from the test project's TestData folder.</summary>
    public static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    /// <summary>The checkout the tests were built from (the folder holding Neaspec.Survey.sln).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Neaspec.Survey.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Neaspec.Survey.sln not found above the test folder.");
    }

    /// <summary>A file of the repository's data-samples folder.</summary>
    public static string Sample(string name) => Path.Combine(RepoRoot(), "data-samples", name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
