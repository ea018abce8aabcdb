namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>Whether a site meets a threshold <em>regularly</em> in the sense of the Ramsar Convention's guidance
/// (Strategic Framework for the List of Wetlands of International Importance, glossary "regularly", criteria 5 and 6):
/// the number was reached in two thirds of the seasons for which adequate data are available, the number of such
/// seasons being at least three.</summary>
public enum Regularity
{
    /// <summary>Fewer than three seasons with adequate data: the test cannot be applied.</summary>
    TooFewSeasons,

    /// <summary>Three or more seasons with data, the threshold met in fewer than two thirds of them.</summary>
    NotRegularly,

    /// <summary>Three or more seasons with data, the threshold met in two thirds of them or more.</summary>
    Regularly,
}
