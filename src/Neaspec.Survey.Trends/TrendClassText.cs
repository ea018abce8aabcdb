namespace Neaspec.Survey.Trends;

/// <summary>The words for a <see cref="TrendClass"/> as the TRIM manual writes them, in lower case:
/// "strong increase", "moderate increase", "stable", "uncertain", "moderate decline", "steep decline".</summary>
public static class TrendClassText
{
    /// <summary>The class in words.</summary>
    public static string ToText(this TrendClass value) => value switch
    {
        TrendClass.StrongIncrease => "strong increase",
        TrendClass.ModerateIncrease => "moderate increase",
        TrendClass.Stable => "stable",
        TrendClass.Uncertain => "uncertain",
        TrendClass.ModerateDecline => "moderate decline",
        TrendClass.SteepDecline => "steep decline",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
