using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Sharing.Tests;

public sealed class SharingOptionsTests
{
    private static SharingOptions Read(params (string Key, string Value)[] values) =>
        SharingOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Sharing:{v.Key}", v.Value)))
            .Build());

    [Fact]
    public void The_defaults_are_valid_and_CC_BY_4()
    {
        var options = Read();
        options.Validate();
        Assert.Equal("CC-BY-4.0", options.Licence.Code);
        Assert.Equal(10, options.SensitiveGridKm);
    }

    [Fact]
    public void Settings_are_read_from_the_section()
    {
        var options = Read(("License", "cc0-1.0"), ("Title", "Spoonbill census"), ("SensitiveGridKm", "25"), ("ContactEmail", "data@example.org"));
        options.Validate();
        Assert.Equal(("CC0-1.0", "Spoonbill census", 25.0), (options.Licence.Code, options.Title, options.SensitiveGridKm));
        Assert.Equal("http://creativecommons.org/publicdomain/zero/1.0/legalcode", options.Licence.Url.ToString());
    }

    [Fact]
    public void Every_bad_setting_is_named_in_one_message()
    {
        var options = Read(("License", "MIT"), ("IdNamespace", "not-a-uuid"), ("SensitiveGridKm", "0"), ("ContactEmail", "nobody"));
        var error = Assert.Throws<SettingsException>(options.Validate);
        Assert.Contains("Sharing:License 'MIT' is not one GBIF accepts: use CC0-1.0, CC-BY-4.0, CC-BY-NC-4.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharing:IdNamespace 'not-a-uuid' is not a UUID", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharing:SensitiveGridKm must be more than 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharing:ContactEmail 'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_a_settings_error_not_a_crash() =>
        Assert.Throws<SettingsException>(() => Read(("SensitiveGridKm", "ten")));
}
