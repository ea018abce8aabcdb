using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Report;

/// <summary>The report's parts that rest on the tracked birds (issue 13): the MC section and the birds behind each site.</summary>
public sealed partial class ConnectivityReport
{
    /// <summary>The MC section, or null when not asked for.</summary>
    public MigratoryAnalysis? Migratory { get; }

    /// <summary>Tracked birds present at <paramref name="site"/> in the season (those whose next state is known, and
    /// those whose track ends there); null for a run without telemetry.</summary>
    public int? BirdsAt(string site) => ReportGeoJson.TaggedBirds(Inputs, site);
}
