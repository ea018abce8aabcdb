namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>The studies, individuals and tags a file names, numbered in order of appearance. The
/// staging table carries these small numbers; the database ids are resolved once, set-based.</summary>
public sealed class TrackKeys
{
    private readonly Dictionary<(string, string), int> individuals = [];
    private readonly Dictionary<(string, string), int> tags = [];

    public List<(string Study, string Individual, string? Taxon)> Individuals { get; } = [];

    public List<(string Study, string Tag)> Tags { get; } = [];

    public int Individual(string study, string individual, string? taxon)
    {
        if (!individuals.TryGetValue((study, individual), out var key))
        {
            key = Individuals.Count;
            individuals.Add((study, individual), key);
            Individuals.Add((study, individual, taxon));
        }
        else if (taxon is not null && Individuals[key].Taxon is null)
        {
            Individuals[key] = (study, individual, taxon);
        }
        return key;
    }

    public int Tag(string study, string tag)
    {
        if (!tags.TryGetValue((study, tag), out var key))
        {
            key = Tags.Count;
            tags.Add((study, tag), key);
            Tags.Add((study, tag));
        }
        return key;
    }

    public string TagName(int key) => Tags[key].Tag;
}
