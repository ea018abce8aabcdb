using Neaspec.Survey.Sharing.Tests.TestUtilities;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>`neaspec export` as a user runs it: a separate process, its exit code and what it prints.</summary>
public sealed class ExportCliTests(SampleCounts sample) : IClassFixture<SampleCounts>, IDisposable
{
    private readonly TestFiles files = new();

    private Task<(int Code, string Out, string Err)> Neaspec(params string[] args) => Neaspec(null, args);

    private Task<(int Code, string Out, string Err)> Neaspec(IDictionary<string, string>? environment, params string[] args) =>
        NeaspecProcess.RunAsync(sample.Db.ConnectionString, args, psi =>
        {
            psi.WorkingDirectory = files.Folder;
            foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            {
                psi.Environment[k] = v;
            }
        });

    [Fact]
    public async Task Export_dwca_writes_the_archive_and_says_what_it_holds()
    {
        var path = Path.Combine(files.Folder, "cranes.zip");

        var (code, stdout, stderr) = await Neaspec("export", "dwca", "--out", path, "--species", "흑두루미", "Antigone vipio",
            "--country", "JP", "--title", "Cranes at Izumi", "--license", "CC0-1.0");

        Assert.True(code == 0, stderr);
        // Izumi: 2024-11-20, 2024-12-15, 2025-01-12, each with Hooded and White-naped Cranes.
        Assert.Contains("3 events, 6 occurrences (6 present, 0 absent), 2 species, 1 sites", stdout, StringComparison.Ordinal);
        var archive = DwcArchive.Read(path);
        Assert.Equal("Cranes at Izumi", archive.Eml.Root!.Element("dataset")!.Element("title")!.Value);
        Assert.Contains("publicdomain/zero/1.0", archive.Eml.Root.Descendants("ulink").Single().Attribute("url")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_options_are_clear_errors_with_exit_code_1_and_no_file()
    {
        var path = Path.Combine(files.Folder, "bad.zip");

        var (code, stdout, stderr) = await Neaspec("export", "dwca", "--out", path, "--species", "Dodo", "--from", "2025-03-01", "--to", "2025-01-01",
            "--country", "ZZ", "--generalise-km", "0");

        Assert.Equal(1, code);
        Assert.Contains("neaspec: --species 'Dodo': not in the species catalogue", stderr, StringComparison.Ordinal);
        Assert.Contains("neaspec: --from 2025-03-01 is after --to 2025-01-01", stderr, StringComparison.Ordinal);
        Assert.Contains("neaspec: --country 'ZZ': not an ISO 3166-1 alpha-2 country code", stderr, StringComparison.Ordinal);
        Assert.Contains("neaspec: --generalise-km 0: give a grid size more than 0", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(files.Folder));
    }

    [Fact]
    public async Task A_missing_folder_a_bad_date_and_a_bad_licence_are_refused()
    {
        var folder = await Neaspec("export", "dwca", "--out", Path.Combine(files.Folder, "nope", "x.zip"));
        Assert.Equal(1, folder.Code);
        Assert.Contains("the folder", folder.Err, StringComparison.Ordinal);

        var date = await Neaspec("export", "dwca", "--out", "x.zip", "--from", "2025-02-30");
        Assert.Equal(1, date.Code);
        Assert.Contains("2025-02-30", date.Err, StringComparison.Ordinal);

        var licence = await Neaspec(new Dictionary<string, string> { ["NEASPEC_Sharing__License"] = "MIT" }, "export", "dwca", "--out", "x.zip");
        Assert.Equal(1, licence.Code);
        Assert.Contains("Sharing:License 'MIT' is not one GBIF accepts", licence.Err, StringComparison.Ordinal);

        var movebank = await Neaspec("export", "tracks", "--format", "movebank", "--out", "t.csv", "--generalise-km", "10");
        Assert.Equal(1, movebank.Code);
        Assert.Contains("--generalise-km: the Movebank export is the exact data", movebank.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(files.Folder));
    }

    [Fact]
    public async Task Export_sensitive_marks_lists_and_unmarks()
    {
        var marked = await Neaspec("export", "sensitive", "--site", "kr-ghw", "--species", "Eurasian Spoonbill");
        Assert.Equal(0, marked.Code);
        Assert.Contains("sensitive sites: KR-GHW", marked.Out, StringComparison.Ordinal);
        Assert.Contains("sensitive species: Platalea leucorodia", marked.Out, StringComparison.Ordinal);

        var unknown = await Neaspec("export", "sensitive", "--site", "XX-NONE");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("--site 'XX-NONE': no such site", unknown.Err, StringComparison.Ordinal);

        var off = await Neaspec("export", "sensitive", "--off", "--site", "KR-GHW", "--species", "Platalea leucorodia");
        Assert.Equal(0, off.Code);
        Assert.Contains("sensitive sites: none", off.Out, StringComparison.Ordinal);
        Assert.Contains("sensitive species: none", off.Out, StringComparison.Ordinal);
    }

    public void Dispose() => files.Dispose();
}
