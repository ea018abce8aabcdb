using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Sharing.Tests.TestUtilities;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>The generalisation grid against its definition and worked cells.</summary>
public sealed class GridTests
{
    [Fact]
    public void Izumi_falls_in_the_cell_worked_by_hand()
    {
        // See SensitiveArchiveTests for the arithmetic: row 1357, column 2922 of 3391, centre 32.08274, 130.26246.
        var cell = new GeneralisationGrid(10).Snap(32.125, 130.27);
        Assert.Equal((1357, 2922), (cell.Row, cell.Column));
        Assert.Equal(32.08274, cell.Latitude, 5);
        Assert.Equal(130.26246, cell.Longitude, 5);
        Assert.Equal(7073, cell.RadiusMeters);
        Assert.Equal("grid10km-r1357-c2922", cell.Id);
    }

    [Fact]
    public void At_the_equator_a_100_km_cell_is_about_a_degree_square()
    {
        // 100 km / 111.195080 km per degree = 0.8993204°; (0.3 + 90) / 0.8993204 = 100.41 -> row 100, 89.932036..90.831357
        // from the pole, i.e. -0.067964°..0.831357°, centre 0.381697°; columns floor(360 · 111.19508 · cos 0.381697° / 100)
        // = floor(400.30) = 400 of 0.9°; (0.3 + 180) / 0.9 = 200.33 -> column 200, 0°..0.9°, centre 0.45°.
        var cell = new GeneralisationGrid(100).Snap(0.3, 0.3);
        Assert.Equal((100, 200), (cell.Row, cell.Column));
        Assert.Equal(0.381697, cell.Latitude, 6);
        Assert.Equal(0.45, cell.Longitude, 9);
        Assert.Equal(400, new GeneralisationGrid(100).Columns(100));
    }

    [Theory]
    [InlineData(10, 89.99, 10.0)]
    [InlineData(10, -90, -180)]
    [InlineData(10, 50.07, 180)]
    [InlineData(3, 23.05, 120.06)]
    [InlineData(250, 47.2, 124.25)]
    public void Every_point_lies_within_the_radius_of_its_cell_centre(double km, double latitude, double longitude)
    {
        var grid = new GeneralisationGrid(km);
        var cell = grid.Snap(latitude, longitude);
        Assert.True(Grid.Meters(latitude, longitude, cell.Latitude, cell.Longitude) <= cell.RadiusMeters);
        Assert.InRange(cell.Latitude, -90, 90);
        Assert.InRange(cell.Longitude, -180, 180);
        // Snapping the centre again gives the same cell: the centres are fixed points of the grid.
        Assert.Equal(cell, grid.Snap(cell.Latitude, cell.Longitude));
    }

    [Fact]
    public void Longitude_180_is_the_cell_of_minus_180()
    {
        var grid = new GeneralisationGrid(10);
        Assert.Equal(grid.Snap(45, -180).Column, grid.Snap(45, 180).Column);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(double.NaN)]
    public void A_cell_size_out_of_range_is_refused(double km) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneralisationGrid(km));

    [Fact]
    public void Cells_are_at_least_their_size_wide_at_every_latitude_of_the_flyway()
    {
        var grid = new GeneralisationGrid(10);
        for (var latitude = 20.0; latitude <= 55; latitude += 0.5)
        {
            var cell = grid.Snap(latitude, 120);
            var width = Grid.Meters(cell.Latitude, -180, cell.Latitude, -180 + (360.0 / grid.Columns(cell.Row)));
            Assert.InRange(width, 10_000, 10_050);
        }
    }
}
