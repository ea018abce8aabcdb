namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>A bad row of an input file: where (file line, column), what (the value as written) and why.</summary>
public sealed record RowError(long Line, string? Column, string? Value, string Reason)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column {Column} = '{Value}': {Reason}";
}
