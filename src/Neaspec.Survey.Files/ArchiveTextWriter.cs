using CsvHelper;

namespace Neaspec.Survey.Files;

/// <summary>Writes the data files of a Darwin Core Archive as the GBIF IPT writes them: UTF-8, fields
/// separated by a tab, records ended by LF, no enclosing quotes (meta.xml declares
/// <c>fieldsTerminatedBy="\t" linesTerminatedBy="\n" fieldsEnclosedBy=""</c>). A tab, CR or LF inside a
/// value becomes a space and the value is trimmed, as the IPT does, so no value can move a field or a
/// record. Values are written as they are, without the spreadsheet formula escape of
/// <see cref="CsvOutput.Options"/>: GBIF's readers would keep the escape as part of the data.</summary>
public sealed class ArchiveTextWriter : IDisposable, IAsyncDisposable
{
    /// <summary>The options the archive text is written with (declared in meta.xml as above).</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Separator = '\t',
        Mode = CsvMode.NoEscape,
        NewLine = "\n",
        Injection = CsvInjection.None,
        ValidateFieldCount = true,
    };

    private readonly CsvWriter writer;

    /// <summary>Writes to <paramref name="stream"/>, which stays open when this writer is disposed.</summary>
    public ArchiveTextWriter(Stream stream)
    {
        writer = CsvWriter.Create(stream, Options, leaveOpen: true);
    }

    /// <summary>Records written so far, the header included.</summary>
    public long Records => writer.RecordCount;

    public void WriteHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Write(name);
        }
        writer.EndRecord();
    }

    /// <summary>A text field; null is an empty field.</summary>
    public void Write(string? value) => writer.WriteField(Clean(value));

    /// <summary>A number or other self-formatting value, invariant culture; null is an empty field.</summary>
    public void Write<T>(T? value) where T : struct, IUtf8SpanFormattable
    {
        if (value is { } v)
        {
            writer.WriteField(v, default);
        }
        else
        {
            writer.WriteField((string?)null);
        }
    }

    public void EndRecord() => writer.EndRecord();

    public void Flush() => writer.Flush();

    /// <summary>The value as the archive holds it: tab, CR and LF as spaces, surrounding spaces removed.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            value = value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
        }
        return value.Trim();
    }

    public void Dispose() => writer.Dispose();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
