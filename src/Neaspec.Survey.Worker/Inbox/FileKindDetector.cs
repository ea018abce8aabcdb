using System.Text;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Worker.Inbox;

/// <summary>What a file in the inbox holds, as its header says.</summary>
public enum FileKind
{
    Unknown,
    /// <summary>A count-survey CSV (canonical or Darwin Core header).</summary>
    Counts,
    /// <summary>Sites: CSV with site_code, name and point, or a GeoJSON FeatureCollection.</summary>
    Sites,
    /// <summary>Movebank event data (one row per GPS fix).</summary>
    Tracks,
    /// <summary>Movebank reference data (animals, tags, deployments).</summary>
    Reference,
}

/// <summary>The kind of a file and, for an unknown one, why it was not recognised.</summary>
public sealed record DetectedFile(FileKind Kind, string Description)
{
    /// <summary>The ledger's word for the kind.</summary>
    public string LedgerKind => Kind switch
    {
        FileKind.Counts => ImportKind.Counts,
        FileKind.Sites => ImportKind.Sites,
        FileKind.Tracks => ImportKind.Tracks,
        FileKind.Reference => ImportKind.Reference,
        _ => "unknown",
    };
}

/// <summary>Tells the kind of a file from its first line (its header), never from its name alone: partner
/// institutions name files as they like. GeoJSON (a file starting with <c>{</c>) is sites.</summary>
public static class FileKindDetector
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static DetectedFile Detect(string path)
    {
        var head = ReadHead(path);
        if (head is [0x1F, 0x8B, ..])
        {
            // Movebank exports often travel gzipped; the track importer reads .csv.gz directly, the others do not.
            var inner = DetectText(ReadGzipHead(path), path);
            return inner.Kind is FileKind.Tracks or FileKind.Reference
                ? inner with { Description = inner.Description + " (gzip)" }
                : new DetectedFile(FileKind.Unknown, "a gzip file that is not a Movebank export: unpack it (only Movebank tracks are read gzipped)");
        }
        return DetectText(head, path);
    }

    private static DetectedFile DetectText(byte[] head, string path)
    {
        if (head.Length == 0)
        {
            return new DetectedFile(FileKind.Unknown, "the file is empty");
        }
        if (Array.IndexOf(head, (byte)0) >= 0)
        {
            return new DetectedFile(FileKind.Unknown, "a binary file, not CSV or GeoJSON text (a spreadsheet? save it as 'CSV UTF-8')");
        }
        var text = new UTF8Encoding(false, false).GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            // The sites importer reads GeoJSON by its extension.
            var ext = Path.GetExtension(path);
            return ext.Equals(".geojson", StringComparison.OrdinalIgnoreCase) || ext.Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? new DetectedFile(FileKind.Sites, "GeoJSON sites")
                : new DetectedFile(FileKind.Unknown, "the file looks like JSON: name GeoJSON sites files *.geojson");
        }
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        var headers = Split(line);
        var names = headers.Select(Movebank).ToHashSet(StringComparer.OrdinalIgnoreCase);

        if (names.Contains("location-long") && names.Contains("location-lat"))
        {
            return new DetectedFile(FileKind.Tracks, "Movebank tracks");
        }
        if (names.Contains("deploy-on-date") || (names.Contains("animal-id") && names.Contains("tag-id")))
        {
            return new DetectedFile(FileKind.Reference, "Movebank reference data");
        }
        CountColumns.Map(headers, out var countError);
        if (countError is null)
        {
            return new DetectedFile(FileKind.Counts, "count survey");
        }
        var plain = headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        if (plain.Contains("site_code") && (plain.Contains("name_en") || (plain.Contains("latitude") && plain.Contains("longitude"))))
        {
            return new DetectedFile(FileKind.Sites, "sites");
        }
        var shown = line.Length > 200 ? line[..200] + "..." : line;
        return new DetectedFile(FileKind.Unknown,
            $"header not recognised ('{shown}'): expected a count survey (site_code,date,species,count,... or Darwin Core), " +
            "sites (site_code,name_en,...,country,latitude,longitude, or GeoJSON), or a Movebank export (tracks or reference data)");
    }

    private static byte[] ReadGzipHead(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
            var buffer = new byte[MaxHeaderBytes];
            var n = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return buffer[..n];
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[Math.Min(MaxHeaderBytes, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Splits a header on the separator that gives the most columns (comma, semicolon or tab).</summary>
    private static List<string> Split(string line)
    {
        var best = new[] { ',', ';', '\t' }.MaxBy(c => line.Count(x => x == c));
        return line.Split(best).Select(h => h.Trim().Trim('"').Trim()).ToList();
    }

    /// <summary>Movebank names as R's move package and other tools rewrite them (location.long, location_long).</summary>
    private static string Movebank(string header) => header.Trim().Replace('.', '-').Replace('_', '-');
}
