using Neaspec.Survey.Ingestion.Counts.Read;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites;

namespace Neaspec.Survey.Ingestion.Counts.Validate;

/// <summary>Links a row's site code to a site: a known code links it; an unknown one with country and point
/// becomes a provisional site — unless it lies on top of a known site, which is reported as a likely
/// duplicate naming that site.</summary>
public sealed class CountSiteCheck(SiteDirectory sites, CountColumns columns, double duplicateSiteDistanceMeters)
{
    private readonly Dictionary<string, CountRow> newSites = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> rejectedNewCodes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first row of each unknown code that makes a provisional site.</summary>
    public IReadOnlyCollection<CountRow> NewSites => newSites.Values;

    /// <summary>Adds to <paramref name="errors"/> why the row's site cannot be linked, if it cannot.</summary>
    public void Check(CountRow row, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        if (sites.Find(row.SiteCode) is not null || newSites.ContainsKey(row.SiteCode))
        {
            return;
        }
        var column = columns.NameOf(CountField.SiteCode);
        if (rejectedNewCodes.Contains(row.SiteCode))
        {
            errors.Add(new RowError(row.Line, column, row.SiteCode, "unknown site code (see its first row)"));
            return;
        }
        if (row.Latitude is null || row.Longitude is null || row.Country is null)
        {
            errors.Add(new RowError(row.Line, column, row.SiteCode,
                "unknown site code: load the site first (a sites file), or give country, latitude and longitude to create a provisional site"));
            return;
        }
        if (sites.Nearest(row.Latitude.Value, row.Longitude.Value, duplicateSiteDistanceMeters) is { } near)
        {
            rejectedNewCodes.Add(row.SiteCode);
            errors.Add(new RowError(row.Line, column, row.SiteCode,
                $"unknown site code, but known site {near.Site.Code} lies {near.Meters / 1000:0.0} km away: likely the same site; use code {near.Site.Code}"));
            return;
        }
        newSites[row.SiteCode] = row;
    }
}
