using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>A file broke one of the <see cref="ImportLimits"/> while it was read: the import stops there and
/// the file is rejected whole, nothing stored (<see cref="ClaimedImport"/> turns this into the outcome).
/// Thrown from the stream or reader that counted, so no caller can go on reading past a limit.</summary>
public sealed class InputLimitException : Exception
{
    public InputLimitException()
    {
    }

    public InputLimitException(string message) : base(message)
    {
    }

    public InputLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <param name="line">The line where the limit was broken (1 = the header).</param>
    /// <param name="column">The column, when one field broke it.</param>
    /// <param name="setting">The limit's property name in <see cref="ImportLimits"/>.</param>
    /// <param name="what">What went over, in words: "the line is longer than 1,048,576 bytes".</param>
    public InputLimitException(long line, string? column, string setting, string what)
        : base($"line {line}: {what}; a file over a limit is refused whole, nothing stored " +
               $"(the limit is the setting {ImportLimits.Setting(setting)})")
    {
        Line = line;
        Column = column;
        Setting = ImportLimits.Setting(setting);
        What = what;
    }

    public long Line { get; } = 1;

    public string? Column { get; }

    /// <summary>The setting that raises the limit, e.g. <c>Import:Limits:MaxLineBytes</c>.</summary>
    public string Setting { get; } = "";

    public string What { get; } = "";

    /// <summary>The one row error of the rejection.</summary>
    public RowError ToRowError() => new(Line, Column, null, $"{What} (limit: {Setting})");
}
