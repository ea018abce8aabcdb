using System.Globalization;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>
/// A grid of cells about <see cref="CellKm"/> km on a side covering the globe, to which sensitive locations
/// are generalised: a point is replaced by the centre of its cell, and its coordinate uncertainty grows by the
/// cell's radius (Chapman &amp; Wieczorek 2020, Georeferencing Best Practices, 3.4 "point-radius"; Chapman 2020,
/// Current Best Practices for Generalizing Sensitive Species Occurrence Data, GBIF, 4.2 "generalise to a grid").
/// </summary>
/// <remarks>
/// Rows are bands of constant latitude height <c>dφ = CellKm / (π R / 180)</c> counted from the south pole
/// (R = 6371.0088 km, the IUGG mean radius <see cref="GreatCircle"/> uses). Each row is cut into
/// <c>m = max(1, floor(360 · (π R / 180) · cos φc / CellKm))</c> equal columns, φc being the row's central
/// latitude, so that a cell is at least <see cref="CellKm"/> wide at its centre and the columns tile the row
/// exactly. A degree grid (GBIF's 0.1°) would shrink to slivers towards the north of the flyway (0.1° of
/// longitude is 11 km at Poyang but 7 km at Muraviovka); these cells keep their size in km at every latitude,
/// and depend only on the cell size, never on the data, so two exports put a site in the same cell.
/// </remarks>
public sealed class GeneralisationGrid
{
    private static readonly double KmPerDegree = Math.PI * GreatCircle.EarthRadiusKm / 180;

    private readonly double rowDegrees;
    private readonly int rows;
    private readonly string prefix;

    public GeneralisationGrid(double cellKm)
    {
        if (!double.IsFinite(cellKm) || cellKm <= 0 || cellKm > SharingOptions.GeneraliseLimitKm)
        {
            throw new ArgumentOutOfRangeException(nameof(cellKm), cellKm, $"a grid cell is more than 0 and at most {SharingOptions.GeneraliseLimitKm} km");
        }
        CellKm = cellKm;
        rowDegrees = cellKm / KmPerDegree;
        rows = (int)Math.Ceiling(180 / rowDegrees);
        prefix = $"grid{cellKm.ToString("0.###", CultureInfo.InvariantCulture)}km";
    }

    /// <summary>The nominal size of a cell, km.</summary>
    public double CellKm { get; }

    /// <summary>Height of every row, degrees of latitude.</summary>
    public double RowDegrees => rowDegrees;

    /// <summary>The number of columns of row <paramref name="row"/>.</summary>
    public int Columns(int row)
    {
        var (south, north) = RowBounds(row);
        var centre = (south + north) / 2;
        var width = 360 * KmPerDegree * Math.Cos(centre * Math.PI / 180) / CellKm;
        return Math.Max(1, (int)Math.Floor(width));
    }

    /// <summary>The cell holding the point (latitude −90…90, longitude −180…180).</summary>
    public GridCell Snap(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90 || !double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), $"({latitude}, {longitude}) is not a WGS84 latitude and longitude");
        }
        var row = Math.Clamp((int)Math.Floor((latitude + 90) / rowDegrees), 0, rows - 1);
        var (south, north) = RowBounds(row);
        var columns = Columns(row);
        var columnDegrees = 360.0 / columns;
        var column = (int)Math.Floor((longitude + 180) / columnDegrees) % columns;
        var west = -180 + (column * columnDegrees);
        var east = west + columnDegrees;
        var lat = (south + north) / 2;
        var lon = (west + east) / 2;
        var radiusKm = Math.Max(
            Math.Max(GreatCircle.DistanceKm(lon, lat, west, south), GreatCircle.DistanceKm(lon, lat, east, south)),
            Math.Max(GreatCircle.DistanceKm(lon, lat, west, north), GreatCircle.DistanceKm(lon, lat, east, north)));
        return new GridCell(row, column, lat, lon, Math.Ceiling(radiusKm * 1000),
            string.Create(CultureInfo.InvariantCulture, $"{prefix}-r{row}-c{column}"));
    }

    private (double South, double North) RowBounds(int row)
    {
        var south = -90 + (row * rowDegrees);
        return (south, Math.Min(90, south + rowDegrees));
    }
}
