using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;

namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>A throwaway PostGIS database holding the repository's sample sites and count surveys, loaded by
/// the real importers in the order given (the order changes the surveys' serial ids, never their natural keys).</summary>
public sealed class SampleCounts : IAsyncLifetime
{
    public static readonly string[] CountFiles = ["spoonbill-census-2025-01.csv", "crane-counts-2024-2025.csv"];

    private readonly IReadOnlyList<string> order;

    public SampleCounts() : this(CountFiles)
    {
    }

    internal SampleCounts(IReadOnlyList<string> order)
    {
        this.order = order;
    }

    public PostgisDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await PostgisDatabase.CreateAsync();
        var sites = await Db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"));
        Assert.True(sites.ImportId is not null, sites.Message);
        foreach (var file in order)
        {
            var counts = await Db.Database.ImportAsync(new CountImporter(), TestFiles.Sample(file));
            Assert.True(counts.Loaded, counts.Message);
        }
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
