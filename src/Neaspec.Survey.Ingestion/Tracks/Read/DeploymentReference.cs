using CsvHelper;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>Movebank reference data (deployments): which tag an animal wore when. Small files, read
/// whole. An animal that was re-tagged has several rows and keeps its one animal-id.</summary>
public sealed class DeploymentReference
{
    private readonly Dictionary<string, List<DeploymentRow>> byTag = new(StringComparer.Ordinal);

    public List<DeploymentRow> Rows { get; } = [];

    public List<RowError> Errors { get; } = [];

    /// <summary>Reads a reference file (plain or gzip) within <paramref name="limits"/>; bad rows become
    /// <see cref="Errors"/>, a broken limit throws <see cref="InputLimitException"/>.</summary>
    public static DeploymentReference Read(string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var reference = new DeploymentReference();
        using var csv = CsvReader.Create(LimitedInput.Open(path, limits, gunzip: true),
            CsvRecordCheck.Bounded(new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true }, limits));
        CsvRecordCheck.Header(csv.Headers, limits);
        var check = new CsvRecordCheck(csv, csv.Headers, limits);
        var names = csv.Headers.Select(MovebankHeader.Canonical).ToList();
        var tag = MovebankHeader.Find(names, MovebankHeader.ReferenceTag);
        var animal = MovebankHeader.Find(names, MovebankHeader.ReferenceAnimal);
        var taxon = MovebankHeader.Find(names, MovebankHeader.ReferenceTaxon);
        var on = MovebankHeader.Find(names, MovebankHeader.ReferenceDeployOn);
        var off = MovebankHeader.Find(names, MovebankHeader.ReferenceDeployOff);
        if (tag < 0 || animal < 0)
        {
            reference.Errors.Add(new RowError(1, null, null, "reference data needs tag-id and animal-id columns (Movebank reference data)"));
            return reference;
        }
        while (CsvRecordCheck.Read(csv, limits))
        {
            var line = csv.LineNumber;
            if (check.Check(line) is { } bad)
            {
                reference.Errors.Add(bad);
                continue;
            }
            string? Text(int i) => i < 0 || MovebankValues.IsMissing(csv.GetSpan(i)) ? null : csv.GetString(i);
            DateTime? Time(int i)
            {
                if (i < 0 || MovebankValues.IsMissing(csv.GetSpan(i)))
                {
                    return null;
                }
                if (MovebankValues.TryParseTimestamp(csv.GetSpan(i), out var t))
                {
                    return t;
                }
                reference.Errors.Add(new RowError(line, csv.Headers[i], MovebankValues.Show(csv.GetSpan(i)), "not a UTC date or timestamp like 2011-02-11 17:30:00.000"));
                return null;
            }
            var tagId = Text(tag);
            var animalId = Text(animal);
            if (tagId is null || animalId is null)
            {
                continue; // a tag not deployed, or an animal without a tag: nothing to link
            }
            var row = new DeploymentRow(tagId, animalId, Text(taxon), Time(on), Time(off), line);
            reference.Rows.Add(row);
            if (!reference.byTag.TryGetValue(tagId, out var list))
            {
                reference.byTag[tagId] = list = [];
            }
            list.Add(row);
        }
        return reference;
    }

    /// <summary>The animal that wore <paramref name="tag"/> at <paramref name="time"/>, if a deployment says so.</summary>
    public (string Animal, string? Taxon)? Find(string tag, DateTime time)
    {
        if (byTag.TryGetValue(tag, out var list))
        {
            foreach (var d in list)
            {
                if ((d.DeployOn is null || d.DeployOn <= time) && (d.DeployOff is null || time <= d.DeployOff))
                {
                    return (d.Animal, d.Taxon);
                }
            }
        }
        return null;
    }
}
