using System.IO.Compression;
using System.Text;
using Neaspec.Survey.Ingestion.Catalogue.Read;
using Neaspec.Survey.Ingestion.Counts.Read;
using Neaspec.Survey.Ingestion.Sites.Read;
using Neaspec.Survey.Ingestion.Tracks.Read;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Tells what a file holds from its first bytes and its header line, never from its name alone:
/// partner institutions and field teams name files as they like. The one place that answers "which kind of
/// file is this?" for the CLI, the worker and the portal.</summary>
public static class FileKindDetector
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The extensions the upload form takes for count and track files.</summary>
    public static readonly IReadOnlyList<string> CsvExtensions = [".csv", ".txt", ".tsv"];

    /// <summary>Detects the kind of <paramref name="path"/>. <paramref name="name"/> is the name the file
    /// came with (default: the path's), whose extension tells GeoJSON sites apart and, with
    /// <paramref name="allowedExtensions"/>, refuses other names before the header is read (an upload
    /// form's rule). Gzip is read through: only Movebank data is taken gzipped.</summary>
    public static DetectedFile Detect(string path, string? name = null, IReadOnlyCollection<string>? allowedExtensions = null)
    {
        name ??= Path.GetFileName(path);
        var head = ReadHead(path);
        if (head is [0x1F, 0x8B, ..])
        {
            return DetectGzip(path, name);
        }
        if (Refusal(head) is { } binary)
        {
            return new DetectedFile(FileKind.Unknown, binary, IsPlainText: false);
        }
        var extension = Path.GetExtension(name);
        if (allowedExtensions is not null && !allowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return new DetectedFile(FileKind.Unknown,
                $"only CSV files are accepted ({string.Join(", ", allowedExtensions)}), not '{extension}': save the data as 'CSV UTF-8'",
                IsPlainText: false);
        }
        return DetectText(head, extension);
    }

    /// <summary>Why bytes are no text file at all, or null.</summary>
    private static string? Refusal(byte[] head)
    {
        if (head.Length == 0)
        {
            return "the file is empty";
        }
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8) || head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "a spreadsheet workbook (Excel/ODS), not CSV: in the spreadsheet use 'Save as' > 'CSV UTF-8' and send that file";
        }
        if (head.AsSpan().StartsWith("%PDF"u8))
        {
            return "a PDF document, not a CSV file";
        }
        if (TextEncoding.NonUtf8(head) is { } encoding)
        {
            return TextEncoding.Refusal(encoding);
        }
        // A NUL in the header line, or NULs in more than one byte in a hundred, is a binary file; a stray
        // one further down is a bad row, which the importer reports with its line and column.
        var firstLine = head.AsSpan();
        if (firstLine.IndexOf((byte)'\n') is var end and >= 0)
        {
            firstLine = firstLine[..end];
        }
        if (firstLine.IndexOf((byte)0) >= 0 || head.AsSpan().Count((byte)0) * 100 > head.Length)
        {
            return "a binary file, not CSV or GeoJSON text: save the data as 'CSV UTF-8'";
        }
        return null;
    }

    /// <summary>Movebank exports often travel gzipped and the track importer reads them so; nothing else is
    /// read gzipped.</summary>
    private static DetectedFile DetectGzip(string path, string name)
    {
        byte[] inner;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var buffer = new byte[MaxHeaderBytes];
            inner = buffer[..gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
        }
        catch (InvalidDataException)
        {
            return new DetectedFile(FileKind.Unknown, "a damaged gzip file: compress the CSV again, or send it uncompressed", IsPlainText: false);
        }
        var detected = Refusal(inner) is null ? DetectText(inner, Path.GetExtension(name)) : null;
        return detected?.Kind is FileKind.Tracks or FileKind.Reference
            ? detected with { Description = detected.Description + " (gzip)", IsPlainText = false }
            : new DetectedFile(FileKind.Unknown,
                "a gzip file is read only for Movebank tracks (a CSV with timestamp and location-long): send other files uncompressed",
                IsPlainText: false);
    }

    private static DetectedFile DetectText(byte[] head, string extension)
    {
        var text = new UTF8Encoding(false, false).GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            // The sites importer reads GeoJSON by its extension.
            return extension.Equals(".geojson", StringComparison.OrdinalIgnoreCase) || extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? new DetectedFile(FileKind.Sites, "GeoJSON sites", IsPlainText: true)
                : new DetectedFile(FileKind.Unknown, "the file looks like JSON: name GeoJSON sites files *.geojson", IsPlainText: true);
        }
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        var headers = Split(line);
        var (kind, description) = headers switch
        {
            _ when MovebankHeader.NamesEventData(headers) => (FileKind.Tracks, "Movebank tracks"),
            _ when MovebankHeader.NamesReferenceData(headers) => (FileKind.Reference, "Movebank reference data"),
            _ when CountColumns.Recognises(headers) => (FileKind.Counts, "count survey"),
            _ when SiteColumns.Recognises(headers) => (FileKind.Sites, "sites"),
            _ when SpeciesColumns.Recognises(headers) => (FileKind.Species, "species catalogue"),
            _ => (FileKind.Unknown,
                $"header not recognised ('{(line.Length > 200 ? line[..200] + "..." : line)}'): expected a count survey " +
                "(site_code,date,species,count,... or Darwin Core), sites (site_code,name_en,...,country,latitude,longitude, " +
                "or GeoJSON), species for the catalogue (scientific_name,rank,name_en,...), or a Movebank export (tracks or reference data)"),
        };
        return new DetectedFile(kind, description, IsPlainText: true);
    }

    private static byte[] ReadHead(string path)
    {
        // FileShare.ReadWrite: a file in a drop folder may still be open in its writer.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[Math.Min(MaxHeaderBytes, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Splits a header on the separator that gives the most columns (comma, semicolon or tab).</summary>
    private static List<string> Split(string line)
    {
        var separator = new[] { ',', ';', '\t' }.MaxBy(c => line.Count(x => x == c));
        return [.. line.Split(separator).Select(h => h.Trim().Trim('"').Trim())];
    }
}
