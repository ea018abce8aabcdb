namespace Neaspec.Survey.Report.Html.Trends;

/// <summary>What a site-year cell of the heat map shows.</summary>
internal enum HeatCellKind
{
    /// <summary>A count (the window's peak), above 0.</summary>
    Observed,

    /// <summary>A count of 0: counted, none there.</summary>
    Zero,

    /// <summary>Not counted: the model's value (TRIM's imputation).</summary>
    Imputed,

    /// <summary>Not counted at a site the model left out (no positive count): no value at all.</summary>
    Missing,
}
