namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>A cell of a <see cref="GeneralisationGrid"/>: its row and column, its centre (where generalised
/// points are put) and the distance from the centre to its farthest corner.</summary>
/// <param name="Row">Row from the south pole, 0-based.</param>
/// <param name="Column">Column east of 180° W in the row, 0-based.</param>
/// <param name="Latitude">Latitude of the cell's centre, decimal degrees.</param>
/// <param name="Longitude">Longitude of the cell's centre, decimal degrees.</param>
/// <param name="RadiusMeters">Great-circle distance from the centre to the farthest corner, whole metres rounded
/// up: every point of the cell lies within it.</param>
/// <param name="Id">A name of the cell that says the grid: <c>grid10km-r1357-c1234</c>.</param>
public readonly record struct GridCell(int Row, int Column, double Latitude, double Longitude, double RadiusMeters, string Id);
