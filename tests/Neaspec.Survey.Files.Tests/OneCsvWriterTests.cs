using System.Text.RegularExpressions;

namespace Neaspec.Survey.Files.Tests;

/// <summary>A tripwire for "every CSV for people goes through <see cref="CsvOutput"/>": no source file opens a
/// CSV writer of its own or prints comma-joined values, the two ways CSV was written by hand before
/// (`tracks summary --format csv` printed <c>string.Join(',', …)</c> and reached spreadsheets unescaped). Each
/// CSV writer's escaping is tested with its output (FormulaCellTests, FileModeFormulaTests,
/// SummaryCsvTests, the trends and migratory file-mode tests); this catches a new
/// one that skips the shared writer.</summary>
public sealed partial class OneCsvWriterTests
{
    // CsvOutput is the one writer; ArchiveTextWriter writes a Darwin Core Archive's data files, which GBIF's
    // readers load as data (no formula escape, by design; see CsvOutput's summary).
    private static readonly string[] Writers = ["CsvOutput.cs", "ArchiveTextWriter.cs"];

    [GeneratedRegex(@"CsvWriter\.(Create|ToFile)\(|new\s+(CsvHelper\.)?CsvWriter\(")]
    private static partial Regex OpensCsvWriter();

    [GeneratedRegex(@"Write(Line)?(Async)?\(\s*string\.Join\(\s*(','|"",""|"", "")")]
    private static partial Regex PrintsJoinedValues();

    [Fact]
    public void No_source_file_writes_CSV_except_through_CsvOutput()
    {
        var src = Path.Combine(TestFiles.RepoRoot(), "src");
        var sources = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 100, $"only {sources.Count} source files found under {src}");

        var offenders = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => (OpensCsvWriter().IsMatch(l.Text) && !Writers.Contains(Path.GetFileName(l.File))) || PrintsJoinedValues().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("                Console.WriteLine(string.Join(',', columns));", true)]
    [InlineData("        await writer.WriteLineAsync(string.Join(\",\", fields));", true)]
    [InlineData("        using var csv = CsvWriter.ToFile(path, options);", true)]
    [InlineData("        using var csv = CsvOutput.ToFile(path);", false)]
    [InlineData("        problems.Add($\"use {string.Join(\", \", names)}\");", false)]
    public void The_tripwire_sees_the_hand_written_forms(string line, bool caught)
    {
        // The patterns against the line that wrote tracks summary CSV before CsvOutput, and two that are fine.
        Assert.Equal(caught, OpensCsvWriter().IsMatch(line) || PrintsJoinedValues().IsMatch(line));
    }
}
