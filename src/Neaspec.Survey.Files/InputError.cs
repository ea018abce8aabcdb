namespace Neaspec.Survey.Files;

/// <summary>One problem with a file-mode input: where it is and why it is refused.</summary>
/// <param name="File">The file (or "options" for a command-line option).</param>
/// <param name="Line">1-based physical line (the header is line 1); 0 for a problem of the whole file.</param>
/// <param name="Column">The column as the file names it (or the option).</param>
/// <param name="Value">The value as given.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
public sealed record InputError(string File, int Line, string Column, string Value, string Reason)
{
    /// <summary>"counts.csv, line 4, column count, value '-3': reason", or "counts.csv: reason" for the whole file.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}, line {Line}, column {Column}, value '{Value}': {Reason}"
        : Column.Length > 0 ? $"{File}, {Column} '{Value}': {Reason}"
        : $"{File}: {Reason}";
}
