using System.Globalization;

namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>
/// Decides how precisely a location is published. A sensitive location (a site marked sensitive, a site where
/// a sensitive species was recorded, a fix of a sensitive species or near a sensitive site) goes to the centre of
/// its cell in a grid of <c>Sharing:SensitiveGridKm</c>, or of the export's <c>--generalise-km</c> when that is
/// coarser; with <c>--generalise-km</c> every other location goes to that grid too. A generalised location keeps
/// its country, loses its locality and site code (the code names the place to anyone who knows the programme's
/// sites), and its coordinateUncertaintyInMeters becomes the cell's radius plus its own uncertainty plus 1 m for
/// the centre's rounding to 5 decimals (Chapman 2020, Current Best Practices for Generalizing Sensitive Species
/// Occurrence Data, GBIF; the generalisation is stated in dataGeneralizations as that guide asks).
/// </summary>
public sealed class Generalisation
{
    /// <summary>Decimal places of published generalised coordinates (about 1 m: the cell centre, not a site).</summary>
    public const int Decimals = 5;

    private readonly double sensitiveKm;
    private readonly double? exportKm;
    private readonly Dictionary<double, GeneralisationGrid> grids = [];

    public Generalisation(double sensitiveKm, double? exportKm)
    {
        this.sensitiveKm = sensitiveKm;
        this.exportKm = exportKm;
    }

    /// <summary>The grid a location is generalised to, km, or null when it is published as it is.</summary>
    public double? GridKm(bool sensitive) => sensitive ? Math.Max(sensitiveKm, exportKm ?? 0) : exportKm;

    /// <summary>The location as published. <paramref name="sensitiveReason"/> says why it is sensitive (null
    /// when it is not); <paramref name="uncertaintyMeters"/> is its own uncertainty, when known.</summary>
    public PublishedPlace Publish(string? locationId, string? locality, double latitude, double longitude, double? uncertaintyMeters,
        string? sensitiveReason)
    {
        if (GridKm(sensitiveReason is not null) is not { } km)
        {
            return new PublishedPlace(locationId, locality, latitude, longitude, uncertaintyMeters, null, null);
        }
        if (!grids.TryGetValue(km, out var grid))
        {
            grids[km] = grid = new GeneralisationGrid(km);
        }
        var cell = grid.Snap(latitude, longitude);
        var why = sensitiveReason ?? "every location of this export generalised";
        var withheld = locationId is null && locality is null ? "" : "; locality below country and site code withheld";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"coordinates generalised to the centre of a {km:0.###} km grid cell ({cell.Id}; {why}); coordinateUncertaintyInMeters covers the cell{withheld}");
        return new PublishedPlace(cell.Id, null, Math.Round(cell.Latitude, Decimals), Math.Round(cell.Longitude, Decimals),
            Math.Ceiling(cell.RadiusMeters + (uncertaintyMeters ?? 0) + 1), text, "exact location withheld: ask the publisher");
    }
}
