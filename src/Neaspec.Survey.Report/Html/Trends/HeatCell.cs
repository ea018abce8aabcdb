namespace Neaspec.Survey.Report.Html.Trends;

/// <summary>One cell of the heat map: the year, what it shows, the value (count or fitted; NaN when missing) and its colour.</summary>
internal sealed record HeatCell(int Year, HeatCellKind Kind, double Value, string Colour)
{
    /// <summary>The word written in the cell's data-kind attribute and its tooltip.</summary>
    public string KindText => Kind switch
    {
        HeatCellKind.Observed => "observed",
        HeatCellKind.Zero => "zero",
        HeatCellKind.Imputed => "imputed",
        _ => "missing",
    };
}
