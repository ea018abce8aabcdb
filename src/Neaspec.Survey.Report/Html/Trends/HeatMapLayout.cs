using Neaspec.Survey.Report.Trends;

namespace Neaspec.Survey.Report.Html.Trends;

/// <summary>
/// Observed against imputed, site by year: one row per site (the largest first, at most <see cref="MaxRows"/>), one
/// column per year. A counted cell is coloured by its count, an imputed one by the model's value and hatched, on one
/// logarithmic ramp (ln(1 + n) against the largest value) so a site of 20 birds and one of 10,000 both show their years;
/// a 0 is white, a site-year the model cannot fill (a site without a positive count) is grey. SiteYearHeatMap.razor
/// only places these.
/// </summary>
internal sealed class HeatMapLayout
{
    /// <summary>Rows drawn: beyond this the page grows without helping the eye; every site-year is in site_years.csv.</summary>
    public const int MaxRows = 80;

    public const double LabelWidth = 230;
    public const double Top = 34;
    public const double RowHeight = 16;
    public const double PlotWidth = 720;
    public const string MissingColour = "#d9d9d9";

    private HeatMapLayout(IReadOnlyList<int> years, IReadOnlyList<HeatRow> rows, int allRows, double max)
    {
        Years = years;
        Rows = rows;
        AllRows = allRows;
        Max = max;
        CellWidth = Math.Min(36, PlotWidth / years.Count);
    }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<HeatRow> Rows { get; }

    /// <summary>Sites in the table (the drawn ones and the others).</summary>
    public int AllRows { get; }

    /// <summary>The largest value (count or fitted) drawn: the top of the ramp.</summary>
    public double Max { get; }

    public double CellWidth { get; }

    public double Width => LabelWidth + (CellWidth * Years.Count) + 10;

    public double Height => Top + (RowHeight * Rows.Count) + 8;

    public double X(int column) => LabelWidth + (column * CellWidth);

    public double Y(int row) => Top + (row * RowHeight);

    /// <summary>The ramp's colour for a value (white for 0).</summary>
    public static string Colour(double value, double max) =>
        value <= 0 ? "#ffffff" : Palette.Colour(Math.Log(1 + value) / Math.Log(1 + Math.Max(max, 1)));

    public static HeatMapLayout Of(TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inputs = report.Inputs;
        var years = report.Result.Years;
        var series = report.Result.SiteSeries.ToDictionary(s => s.Site, StringComparer.Ordinal);
        var counts = inputs.Values.ToDictionary(v => (v.Site, v.Year), v => v.Count);
        var values = inputs.Sites.Keys.ToDictionary(code => code, code => years.Select((year, j) =>
        {
            var count = counts.GetValueOrDefault((code, year));
            return count is { } n ? (Kind: n > 0 ? HeatCellKind.Observed : HeatCellKind.Zero, Value: (double)n)
                : series.TryGetValue(code, out var s) ? (Kind: HeatCellKind.Imputed, Value: s.Fitted[j])
                : (Kind: HeatCellKind.Missing, Value: double.NaN);
        }).ToArray(), StringComparer.Ordinal);
        double Largest(string code) => values[code].Select(v => v.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var order = values.Keys.OrderByDescending(Largest).ThenBy(code => code, StringComparer.Ordinal).Take(MaxRows).ToList();
        var max = Math.Max(1, order.Select(Largest).DefaultIfEmpty(1).Max());
        var rows = order.Select(code => new HeatRow(inputs.Sites[code], series.ContainsKey(code), [.. values[code].Select((v, j) =>
            new HeatCell(years[j], v.Kind, v.Value, v.Kind == HeatCellKind.Missing ? MissingColour : Colour(v.Value, max)))])).ToList();
        return new HeatMapLayout(years, rows, values.Count, max);
    }
}
