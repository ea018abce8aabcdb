namespace Neaspec.Survey.Files.Migratory;

/// <summary>The regions of a migratory-connectivity run as its outputs name them, and where its inputs came from.</summary>
/// <param name="Origins">Origin region ids, in the order of psi's rows.</param>
/// <param name="Targets">Target region ids, in the order of psi's columns.</param>
/// <param name="Abundance">Origin abundances in the order of <paramref name="Origins"/>, as given (not normalised).</param>
/// <param name="PsiSource">Where psi came from, in words.</param>
/// <param name="OriginDistanceSource">Where the origin distances came from.</param>
/// <param name="TargetDistanceSource">Where the target distances came from.</param>
public sealed record MigratoryRegions(IReadOnlyList<string> Origins, IReadOnlyList<string> Targets, IReadOnlyList<double> Abundance,
    string PsiSource, string OriginDistanceSource, string TargetDistanceSource);
