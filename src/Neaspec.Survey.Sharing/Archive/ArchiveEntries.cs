using System.IO.Compression;
using Neaspec.Survey.Files;

namespace Neaspec.Survey.Sharing.Archive;

/// <summary>Writing the parts of an archive into its zip, one entry after the other (a zip being written takes
/// one open entry at a time, so every data file is one streamed pass).</summary>
internal static class ArchiveEntries
{
    /// <summary>Rows between two progress reports (and cancellation checks).</summary>
    public const int ReportEvery = 10_000;

    /// <summary>Streams one data file: its header, then the rows <paramref name="write"/> produces.</summary>
    public static async Task<long> WriteTableAsync(ZipArchive zip, ArchiveTable table, Func<ArchiveTextWriter, Task<long>> write)
    {
        await using var entry = await zip.CreateEntry(table.Location, CompressionLevel.Optimal).OpenAsync();
        await using var text = new ArchiveTextWriter(entry);
        text.WriteHeader(table.Header);
        var rows = await write(text);
        text.Flush();
        return rows;
    }

    /// <summary>meta.xml and eml.xml, written last: the EML's coverage is known once the rows are out.</summary>
    public static async Task WriteDescriptorsAsync(ZipArchive zip, ArchiveTable core, IReadOnlyList<ArchiveTable> extensions, EmlDataset eml)
    {
        await using (var meta = await zip.CreateEntry(MetaXml.FileName, CompressionLevel.Optimal).OpenAsync())
        {
            MetaXml.Write(meta, core, extensions, Eml.FileName);
        }
        await using var metadata = await zip.CreateEntry(Eml.FileName, CompressionLevel.Optimal).OpenAsync();
        Eml.Write(metadata, eml);
    }
}
