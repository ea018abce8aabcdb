using System.IO.Compression;
using System.Text;

namespace Neaspec.Survey.Portal.Uploads;

/// <summary>Tells what an uploaded file is from its name and first bytes: a count-survey CSV, a Movebank
/// export (header names <c>location-long</c> and <c>timestamp</c>), or not a CSV text file at all. A gzip file
/// (magic bytes 1F 8B) is let through only when it is a Movebank export (the track importer reads gzip).</summary>
public static class FileKind
{
    private static readonly string[] TextExtensions = [".csv", ".txt", ".tsv"];
    private static readonly string[] MovebankLongitude = ["location-long", "location_long", "location.long"];

    /// <summary>The kind, and for <see cref="UploadKinds.NotCsv"/> the reason a person can act on.</summary>
    public static (string Kind, string? Reason) Detect(string path, string originalName, IReadOnlyList<string>? extensions = null)
    {
        extensions ??= TextExtensions;
        var head = ReadHead(path, 64 * 1024);
        if (extensions == TextExtensions && Starts(head, [0x1F, 0x8B]))
        {
            return DetectGzip(path);
        }
        if (Starts(head, "PK\u0003\u0004"u8) || Starts(head, [0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (UploadKinds.NotCsv, "this is a spreadsheet workbook (Excel/ODS), not CSV: in the spreadsheet use 'Save as' > 'CSV UTF-8' and upload that file");
        }
        if (Starts(head, "%PDF"u8))
        {
            return (UploadKinds.NotCsv, "this is a PDF document, not a CSV file");
        }
        if (Array.IndexOf(head, (byte)0) >= 0)
        {
            return (UploadKinds.NotCsv, "this is a binary file, not CSV text: save the data as 'CSV UTF-8'");
        }
        var extension = Path.GetExtension(originalName);
        if (!extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return (UploadKinds.NotCsv, $"only CSV files are accepted ({string.Join(", ", extensions)}), not '{extension}': save the data as 'CSV UTF-8'");
        }
        var header = HeaderNames(head);
        var isMovebank = header.Contains("timestamp") && header.Overlaps(MovebankLongitude);
        return (isMovebank ? UploadKinds.Movebank : UploadKinds.Counts, null);
    }

    /// <summary>A gzip upload: Movebank tracks (the header names it) or refused with the reason.</summary>
    private static (string Kind, string? Reason) DetectGzip(string path)
    {
        byte[] head;
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            var length = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            head = buffer[..length];
        }
        catch (InvalidDataException)
        {
            return (UploadKinds.NotCsv, "this is a damaged gzip file: compress the CSV again, or upload it uncompressed");
        }
        var header = HeaderNames(head);
        return header.Contains("timestamp") && header.Overlaps(MovebankLongitude) && Array.IndexOf(head, (byte)0) < 0
            ? (UploadKinds.Movebank, null)
            : (UploadKinds.NotCsv, "a gzip-compressed file is accepted only for Movebank tracks (a CSV with timestamp and location-long): upload count files uncompressed");
    }

    private static byte[] ReadHead(string path, int max)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(max, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static bool Starts(byte[] data, ReadOnlySpan<byte> prefix) => data.AsSpan().StartsWith(prefix);

    /// <summary>The first line's names, lower case, unquoted, split on any of the separators teams use.</summary>
    private static HashSet<string> HeaderNames(byte[] head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end >= 0 ? text[..end] : text;
        return line.Split([',', ';', '\t'])
            .Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant())
            .Where(n => n.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }
}
