namespace Neaspec.Survey.Testing;

/// <summary>Cell values a spreadsheet would run as formulas (OWASP "CSV Injection"), each with the exact text
/// a CSV written for people must hold for it: the value behind a <c>'</c> (Excel's "this cell is text"),
/// quoted, inner quotes doubled (RFC 4180). Written by hand from those two rules, not copied from output;
/// <c>ErrorReportEscapingTests</c> checks that the import error report writes exactly these.</summary>
public static class FormulaCells
{
    /// <summary>(value as uploaded, field as it must appear in the CSV).</summary>
    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" },
        { "+1", "\"'+1\"" },
        { "-1", "\"'-1\"" },
        { "@SUM(A1)", "\"'@SUM(A1)\"" },
    };
}
