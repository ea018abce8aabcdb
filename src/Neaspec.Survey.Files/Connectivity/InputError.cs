namespace Neaspec.Survey.Files.Connectivity;

/// <summary>One problem with the input of file mode: where it is and why it is refused.</summary>
/// <param name="File">The file (or the option) at fault.</param>
/// <param name="Line">1-based line of the record (the header is line 1); 0 for an option or a whole-file problem.</param>
/// <param name="Column">The column name (or option name).</param>
/// <param name="Value">The value as given.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
public sealed record InputError(string File, int Line, string Column, string Value, string Reason)
{
    /// <summary>"file, line 4, column lat, value '91': reason".</summary>
    public override string ToString() =>
        Line > 0
            ? $"{File}, line {Line}, column {Column}, value '{Value}': {Reason}"
            : $"{File}, {Column} '{Value}': {Reason}";
}
