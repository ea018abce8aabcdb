namespace Neaspec.Survey.Sharing;

/// <summary>A licence a GBIF IPT accepts for data published through it: GBIF asks publishers to choose one of
/// CC0 1.0, CC BY 4.0 and CC BY-NC 4.0, machine-readable in the EML's intellectualRights.</summary>
/// <param name="Code">The SPDX identifier used in the settings (<c>Sharing:License</c>).</param>
/// <param name="Title">The licence's name as the EML cites it.</param>
/// <param name="Url">The licence's legal code.</param>
public sealed record Licence(string Code, string Title, Uri Url)
{
    /// <summary>The three licences GBIF accepts.</summary>
    public static IReadOnlyList<Licence> Accepted { get; } =
    [
        new("CC0-1.0", "Public Domain (CC0 1.0)", new Uri("http://creativecommons.org/publicdomain/zero/1.0/legalcode")),
        new("CC-BY-4.0", "Creative Commons Attribution (CC-BY) 4.0 License", new Uri("http://creativecommons.org/licenses/by/4.0/legalcode")),
        new("CC-BY-NC-4.0", "Creative Commons Attribution Non Commercial (CC-BY-NC) 4.0 License",
            new Uri("http://creativecommons.org/licenses/by-nc/4.0/legalcode")),
    ];

    /// <summary>The accepted licence named <paramref name="code"/> (case ignored), or null.</summary>
    public static Licence? Find(string? code) =>
        Accepted.FirstOrDefault(l => string.Equals(l.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
