namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>One row: its id (core) or coreid (extension), its values by term local name, and as written.</summary>
internal sealed record DwcRow(string Id, IReadOnlyDictionary<string, string> Values, string[] Raw)
{
    public string this[string term] => Values.TryGetValue(term, out var v) ? v : throw new KeyNotFoundException($"no term {term} in the row");
}
