using System.Globalization;
using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Sharing;

/// <summary>The settings of shared exports, section <c>Sharing</c> of appsettings.json, or
/// <c>NEASPEC_Sharing__*</c> in the environment, or the export command's options: who publishes, under which
/// licence, how to cite it, the namespace of the stable identifiers and the grid of sensitive sites.</summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>The namespace of every eventID and occurrenceID unless a publisher sets their own (a fixed
    /// value, so exports from any machine with the default agree): the RFC 9562 name-based UUID of the URL
    /// namespace and <c>https://github.com/neaspec/survey/sharing</c>.</summary>
    public const string DefaultIdNamespace = "564b42ae-04c5-530b-9297-6a9cde771649";

    /// <summary>The dataset's title (EML title); <c>--title</c> overrides it for one export.</summary>
    public string Title { get; set; } = "Waterbird counts of the North-East Asian flyway partners";

    /// <summary>The EML abstract; when empty, one is written from what the archive holds.</summary>
    public string? Abstract { get; set; }

    /// <summary>The organisation that creates and publishes the dataset (EML creator, contact, publisher).</summary>
    public string Publisher { get; set; } = "NEASPEC migratory bird partners";

    /// <summary>A person to contact about the data (optional).</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's e-mail (optional; recommended by GBIF).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>CC0-1.0, CC-BY-4.0 (default) or CC-BY-NC-4.0: the licences GBIF accepts.</summary>
    public string License { get; set; } = "CC-BY-4.0";

    /// <summary>How to cite the dataset; when empty: "Publisher (year). Title. Sampling event dataset."</summary>
    public string? Citation { get; set; }

    /// <summary>The UUID namespace of the stable identifiers (see <see cref="StableId"/>). A publisher sets
    /// their own once, before the first publication, and never changes it.</summary>
    public string IdNamespace { get; set; } = DefaultIdNamespace;

    /// <summary>Size in km of the grid cells sensitive sites are generalised to (default 10, about GBIF's
    /// 0.1 degree for sensitive species; Chapman 2020).</summary>
    public double SensitiveGridKm { get; set; } = 10;

    /// <summary>The licence chosen, once validated.</summary>
    public Licence Licence => Licence.Find(License) ?? throw new SettingsException(LicenceProblem());

    /// <summary>The identifier namespace, once validated.</summary>
    public Guid IdSpace => Guid.Parse(IdNamespace, CultureInfo.InvariantCulture);

    /// <summary>Reads the section from the settings chain (appsettings.json, environment, overrides).</summary>
    public static SharingOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(Section).Get<SharingOptions>() ?? new SharingOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new SettingsException($"{Section}: {ex.Message}");
        }
    }

    /// <summary>Fails with one message naming every setting that cannot work and where to set it.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("Sharing:Title is empty");
        }
        if (string.IsNullOrWhiteSpace(Publisher))
        {
            problems.Add("Sharing:Publisher is empty");
        }
        if (Licence.Find(License) is null)
        {
            problems.Add(LicenceProblem());
        }
        if (!Guid.TryParse(IdNamespace, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"Sharing:IdNamespace '{IdNamespace}' is not a UUID");
        }
        if (!double.IsFinite(SensitiveGridKm) || SensitiveGridKm <= 0 || SensitiveGridKm > GeneraliseLimitKm)
        {
            problems.Add($"Sharing:SensitiveGridKm must be more than 0 and at most {GeneraliseLimitKm} km (is {SensitiveGridKm.ToString(CultureInfo.InvariantCulture)})");
        }
        if (ContactEmail is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"Sharing:ContactEmail '{email}' is not an e-mail address");
        }
        if (problems.Count > 0)
        {
            throw new SettingsException(string.Join("; ", problems) +
                " (set them in appsettings.json, as NEASPEC_Sharing__… in the environment, or with the export command's options)");
        }
    }

    /// <summary>The largest grid cell accepted, in km: beyond it a cell is a fair part of a continent.</summary>
    public const double GeneraliseLimitKm = 1000;

    private string LicenceProblem() =>
        $"Sharing:License '{License}' is not one GBIF accepts: use {string.Join(", ", Licence.Accepted.Select(l => l.Code))}";
}
