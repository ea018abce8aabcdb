namespace Neaspec.Survey.Report.Migratory;

/// <summary>What a region of the MC analysis is made of.</summary>
public enum RegionGrouping
{
    /// <summary>Each site (known or candidate) is a region.</summary>
    Site,

    /// <summary>The sites of one country are one region (a candidate site takes its nearest known site's country).</summary>
    Country,

    /// <summary>Sites within a distance of each other (single linkage) are one region.</summary>
    Cluster,
}
