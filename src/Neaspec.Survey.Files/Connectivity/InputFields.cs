using System.Globalization;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>The checks the nodes and edges files share: the header's required columns and bounded numbers,
/// each failure an <see cref="InputError"/> naming file, line, column and value.</summary>
internal static class InputFields
{
    /// <summary>A file stops being read after this many errors: the first ones are enough to fix it.</summary>
    public const int MaxErrors = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The index of each required column (case-insensitive, BOM and spaces ignored), or null with an
    /// error per missing column.</summary>
    public static Dictionary<string, int>? Header(CsvRecords.Record record, string file, string[] required, List<InputError> errors)
    {
        var names = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in required)
        {
            var at = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                errors.Add(new InputError(file, record.Line, column, string.Join(",", names),
                    $"the header has no '{column}' column; expected {string.Join(",", required)}"));
            }
            index[column] = at;
        }
        return errors.Count > 0 ? null : index;
    }

    /// <summary>A finite number with a dot as decimal separator within [min, max], or an error.</summary>
    public static bool Number(string file, int line, string column, string text, double min, double max,
        List<InputError> errors, out double value)
    {
        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, Invariant, out value) || !double.IsFinite(value))
        {
            errors.Add(new InputError(file, line, column, text, "not a number (use a dot as decimal separator)"));
            return false;
        }
        if (value < min || value > max)
        {
            errors.Add(new InputError(file, line, column, text,
                max == double.MaxValue ? $"must be >= {min.ToString(Invariant)}" : $"must be between {min.ToString(Invariant)} and {max.ToString(Invariant)}"));
            return false;
        }
        return true;
    }

    /// <summary>A record with fewer fields than the header's columns reach, as an error; true when it is short.</summary>
    public static bool TooShort(string file, (int Line, string[] Fields) record, Dictionary<string, int> header, List<InputError> errors)
    {
        var needed = header.Values.Max() + 1;
        if (record.Fields.Length >= needed)
        {
            return false;
        }
        errors.Add(new InputError(file, record.Line, "(row)", string.Join(",", record.Fields),
            $"expected at least {needed} fields, found {record.Fields.Length}"));
        return true;
    }
}
