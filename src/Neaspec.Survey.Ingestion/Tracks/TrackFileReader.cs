using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>What one data row of a tracks file is.</summary>
public enum TrackRowKind
{
    /// <summary>A location: stored as a fix (unless it duplicates one).</summary>
    Fix,
    /// <summary>A location sensor's row without coordinates (the tag found no fix).</summary>
    NoFix,
    /// <summary>A row of a sensor that gives no location (accelerometer, ...).</summary>
    NonLocation,
    /// <summary>A fix of a tag while no animal wore it (Movebank's undeployed data): no individual named,
    /// no deployment covering its time.</summary>
    NoIndividual,
    /// <summary>A bad row: its errors were added to the error list.</summary>
    Error,
}

/// <summary>One parsed fix; keys are indexes into the reader's <see cref="TrackKeys"/>.</summary>
public struct TrackRow
{
    public long Line;
    public int Individual;
    public int Tag;
    public long? EventId;
    public DateTime ObservedAt;
    public double Longitude;
    public double Latitude;
    public bool Visible;
    public bool MarkedOutlier;
    public float? Hdop;
    public short? SatelliteCount;
    /// <summary>The file's other non-empty columns as a JSON object (UTF-8), or null.</summary>
    public byte[]? Attributes;
}

/// <summary>Streams a Movebank CSV (plain or gzip, recognised by its bytes) row by row with CsvHelper's
/// span API: nothing but the current record is held, whatever the file's size.</summary>
public sealed class TrackFileReader : IDisposable
{
    private readonly FileStream file;
    private readonly CsvReader csv;
    private readonly Dictionary<long, CsvMalformedReason> malformedLines = [];
    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly Utf8JsonWriter jsonWriter;
    private readonly Func<string, DateTime, (string Animal, string? Taxon)?>? deploymentLookup;
    private byte[] lastStudy = [];
    private byte[] lastIndividual = [];
    private int lastIndividualKey = -1;
    private byte[] lastTag = [];
    private int lastTagKey = -1;
    private string lastStudyName = "";

    private TrackFileReader(string path, string defaultStudy, Func<string, DateTime, (string, string?)?>? deploymentLookup)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream input = file;
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            input = new GZipStream(file, CompressionMode.Decompress);
        }
        csv = CsvReader.Create(input, new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            BufferSize = 1 << 20,
            OnMalformedRecord = r => malformedLines.TryAdd(r.LineNumber, r.Reason),
        }, leaveOpen: false);
        DefaultStudy = defaultStudy;
        this.deploymentLookup = deploymentLookup;
        jsonWriter = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Header = MovebankHeader.Parse(csv.Headers, out var problem);
        HeaderProblem = problem;
        if (csv.Headers.Count == 0 || csv.Headers.Count == 1 && csv.Headers[0].Length == 0)
        {
            HeaderProblem = input is GZipStream
                ? "the gzip file holds no text: it is empty or cut off"
                : "the file is empty: no header line";
        }
        else if (problem is null && Header.Individual == MovebankHeader.Missing && deploymentLookup is null)
        {
            HeaderProblem = "the file has no individual-local-identifier column: give the deployments with --reference so tags can be linked to animals";
        }
    }

    /// <summary>Opens a file. <paramref name="defaultStudy"/> names the study of rows without study-name;
    /// <paramref name="deploymentLookup"/> (tag, time) -> animal links tags to animals when a row names no individual.</summary>
    public static TrackFileReader Open(string path, string defaultStudy,
        Func<string, DateTime, (string Animal, string? Taxon)?>? deploymentLookup = null) =>
        new(path, defaultStudy, deploymentLookup);

    public MovebankHeader Header { get; }

    /// <summary>Why the header cannot be loaded, or null.</summary>
    public string? HeaderProblem { get; }

    public string DefaultStudy { get; }

    public TrackKeys Keys { get; } = new();

    /// <summary>Bytes of the file (compressed, for gzip) read so far, for progress.</summary>
    public long BytesRead => file.Position;

    public long BytesTotal => file.Length;

    public long RowsRead { get; private set; }

    /// <summary>Advances to the next data row; false at the end of the file.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Next() 
    {
        if (!csv.Read())
        {
            return false;
        }
        RowsRead++;
        return true;
    }

    /// <summary>The study the current row names (the default study when it names none).</summary>
    public string CurrentStudy()
    {
        if (Header.Study == MovebankHeader.Missing)
        {
            return DefaultStudy;
        }
        var span = csv.GetSpan(Header.Study);
        return MovebankValues.IsMissing(span) || !Utf8.IsValid(span) ? DefaultStudy : System.Text.Encoding.UTF8.GetString(span);
    }

    /// <summary>Parses the current row into <paramref name="row"/>; problems are added to <paramref name="errors"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public TrackRowKind Parse(ref TrackRow row, ErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var h = Header;
        var line = csv.LineNumber;
        row.Line = line;
        if (malformedLines.Count > 0 && malformedLines.Remove(line, out var malformed))
        {
            errors.Add(new RowError(line, null, null, malformed switch
            {
                CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed: the file is cut off (truncated) or a closing quote is missing",
                CsvMalformedReason.StrayQuote => "a quote inside an unquoted value: quote the whole value and double the quote",
                CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote: quote the whole value and double the quotes inside it",
                _ => $"malformed CSV ({malformed})",
            }));
            return TrackRowKind.Error;
        }
        if (csv.FieldCount != h.Names.Count)
        {
            errors.Add(new RowError(line, null, null, csv.FieldCount < h.Names.Count
                ? $"the row has {csv.FieldCount} of the header's {h.Names.Count} fields: a truncated or cut line?"
                : $"the row has {csv.FieldCount} fields, the header {h.Names.Count}: an unquoted comma in a value?"));
            return TrackRowKind.Error;
        }
        var before = errors.Count;

        var lon = csv.GetSpan(h.Longitude);
        var lat = csv.GetSpan(h.Latitude);
        var hasLon = !MovebankValues.IsMissing(lon);
        var hasLat = !MovebankValues.IsMissing(lat);
        if (!hasLon && !hasLat)
        {
            // Counted, not stored. Only the sensor type decides which count: a row without coordinates
            // needs no other field to be valid.
            if (h.SensorType != MovebankHeader.Missing)
            {
                var sensor = csv.GetSpan(h.SensorType);
                if (!sensor.IsEmpty && !IsLocationSensor(sensor))
                {
                    return TrackRowKind.NonLocation;
                }
            }
            return TrackRowKind.NoFix;
        }
        if (hasLon != hasLat)
        {
            var col = hasLon ? h.Latitude : h.Longitude;
            errors.Add(new RowError(line, h.Names[col], "", "one coordinate without the other"));
        }
        else
        {
            if (!MovebankValues.TryParseDouble(lon, out row.Longitude) || row.Longitude is < -180 or > 180)
            {
                errors.Add(new RowError(line, h.Names[h.Longitude], MovebankValues.Show(lon), "not a longitude (decimal degrees, -180 to 180)"));
            }
            if (!MovebankValues.TryParseDouble(lat, out row.Latitude) || row.Latitude is < -90 or > 90)
            {
                errors.Add(new RowError(line, h.Names[h.Latitude], MovebankValues.Show(lat), "not a latitude (decimal degrees, -90 to 90)"));
            }
        }

        var ts = csv.GetSpan(h.Timestamp);
        if (MovebankValues.IsMissing(ts))
        {
            errors.Add(new RowError(line, h.Names[h.Timestamp], "", "a fix needs a timestamp"));
        }
        else if (!MovebankValues.TryParseTimestamp(ts, out row.ObservedAt))
        {
            errors.Add(new RowError(line, h.Names[h.Timestamp], MovebankValues.Show(ts), "not a UTC timestamp like 2011-02-11 17:30:00.000"));
        }

        row.EventId = null;
        if (h.EventId != MovebankHeader.Missing)
        {
            var v = csv.GetSpan(h.EventId);
            if (!MovebankValues.IsMissing(v))
            {
                if (MovebankValues.TryParseLong(v, out var id))
                {
                    row.EventId = id;
                }
                else
                {
                    errors.Add(new RowError(line, h.Names[h.EventId], MovebankValues.Show(v), "not an event id (a whole number)"));
                }
            }
        }

        row.Visible = true;
        if (h.Visible != MovebankHeader.Missing)
        {
            var v = csv.GetSpan(h.Visible);
            if (!MovebankValues.IsMissing(v) && !MovebankValues.TryParseBool(v, out row.Visible))
            {
                errors.Add(new RowError(line, h.Names[h.Visible], MovebankValues.Show(v), "not true or false"));
            }
        }
        row.MarkedOutlier = false;
        if (h.MarkedOutlier != MovebankHeader.Missing)
        {
            var v = csv.GetSpan(h.MarkedOutlier);
            if (!MovebankValues.IsMissing(v) && !MovebankValues.TryParseBool(v, out row.MarkedOutlier))
            {
                errors.Add(new RowError(line, h.Names[h.MarkedOutlier], MovebankValues.Show(v), "not true or false"));
            }
        }
        row.Hdop = null;
        if (h.Hdop != MovebankHeader.Missing)
        {
            var v = csv.GetSpan(h.Hdop);
            if (!MovebankValues.IsMissing(v))
            {
                if (MovebankValues.TryParseDouble(v, out var hdop) && hdop >= 0)
                {
                    row.Hdop = (float)hdop;
                }
                else
                {
                    errors.Add(new RowError(line, h.Names[h.Hdop], MovebankValues.Show(v), "not an HDOP (a number >= 0)"));
                }
            }
        }
        row.SatelliteCount = null;
        if (h.SatelliteCount != MovebankHeader.Missing)
        {
            var v = csv.GetSpan(h.SatelliteCount);
            if (!MovebankValues.IsMissing(v))
            {
                if (MovebankValues.TryParseLong(v, out var n) && n is >= 0 and <= short.MaxValue)
                {
                    row.SatelliteCount = (short)n;
                }
                else
                {
                    errors.Add(new RowError(line, h.Names[h.SatelliteCount], MovebankValues.Show(v), "not a satellite count (a whole number >= 0)"));
                }
            }
        }

        ResolveKeys(ref row, errors, line);
        if (errors.Count == before && row.Individual < 0)
        {
            return TrackRowKind.NoIndividual;
        }
        row.Attributes = h.Attributes.Count == 0 ? null : WriteAttributes(errors, line);
        return errors.Count > before ? TrackRowKind.Error : TrackRowKind.Fix;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ResolveKeys(ref TrackRow row, ErrorList errors, long line)
    {
        var h = Header;
        row.Individual = -1;
        if (!TextField(h.Study, errors, line, out var studySpan))
        {
            return;
        }
        if (studySpan.IsEmpty)
        {
            lastStudyName = DefaultStudy;
        }
        else if (!studySpan.SequenceEqual(lastStudy))
        {
            lastStudy = studySpan.ToArray();
            lastStudyName = System.Text.Encoding.UTF8.GetString(studySpan);
            lastIndividual = [];
            lastTag = [];
        }
        var study = lastStudyName;

        if (!TextField(h.Tag, errors, line, out var tagSpan))
        {
            return;
        }
        row.Tag = -1;
        if (!tagSpan.IsEmpty)
        {
            if (!tagSpan.SequenceEqual(lastTag) || lastTagKey < 0)
            {
                lastTag = tagSpan.ToArray();
                lastTagKey = Keys.Tag(study, System.Text.Encoding.UTF8.GetString(tagSpan));
            }
            row.Tag = lastTagKey;
        }

        if (!TextField(h.Individual, errors, line, out var individualSpan) || !TextField(h.Taxon, errors, line, out var taxonSpan))
        {
            return;
        }
        if (!individualSpan.IsEmpty)
        {
            if (!individualSpan.SequenceEqual(lastIndividual) || lastIndividualKey < 0)
            {
                lastIndividual = individualSpan.ToArray();
                lastIndividualKey = Keys.Individual(study, System.Text.Encoding.UTF8.GetString(individualSpan),
                    taxonSpan.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(taxonSpan));
            }
            row.Individual = lastIndividualKey;
            return;
        }
        // No individual named: the deployments say which animal wore the tag at that time.
        if (row.Tag >= 0 && deploymentLookup?.Invoke(Keys.TagName(row.Tag), row.ObservedAt) is { } animal)
        {
            row.Individual = Keys.Individual(study, animal.Animal, taxonSpan.IsEmpty ? animal.Taxon : System.Text.Encoding.UTF8.GetString(taxonSpan));
            return;
        }
        // Neither named nor deployed: the tag recorded while no animal wore it. Counted, not stored.
    }

    /// <summary>A text column's value (empty when the column is missing or NA); false when it is not UTF-8.</summary>
    private bool TextField(int column, ErrorList errors, long line, out ReadOnlySpan<byte> value)
    {
        value = column == MovebankHeader.Missing ? default : csv.GetSpan(column);
        if (MovebankValues.IsMissing(value))
        {
            value = default;
            return true;
        }
        if (Utf8.IsValid(value))
        {
            return true;
        }
        errors.Add(new RowError(line, Header.Names[column], MovebankValues.Show(value), NotUtf8(value)));
        return false;
    }

    private static string NotUtf8(ReadOnlySpan<byte> value)
    {
        var at = 0;
        while (at < value.Length && System.Text.Rune.DecodeFromUtf8(value[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }
        at = Math.Min(at, value.Length - 1);
        return $"not UTF-8 text (byte 0x{value[at]:X2} at byte {at + 1} of the value): save the file as UTF-8";
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private byte[]? WriteAttributes(ErrorList errors, long line)
    {
        json.ResetWrittenCount();
        jsonWriter.Reset(json);
        var any = false;
        foreach (var (index, name) in Header.Attributes)
        {
            var v = csv.GetSpan(index);
            if (MovebankValues.IsMissing(v))
            {
                continue;
            }
            if (!Utf8.IsValid(v))
            {
                errors.Add(new RowError(line, name, MovebankValues.Show(v), NotUtf8(v)));
                return null;
            }
            if (!any)
            {
                jsonWriter.WriteStartObject();
                any = true;
            }
            jsonWriter.WriteString(name, v);
        }
        if (!any)
        {
            return null;
        }
        jsonWriter.WriteEndObject();
        jsonWriter.Flush();
        return json.WrittenSpan.ToArray();
    }

    private static bool IsLocationSensor(ReadOnlySpan<byte> sensor) =>
        System.Text.Ascii.EqualsIgnoreCase(sensor, "gps"u8) || sensor.IndexOf("argos"u8) >= 0 || sensor.IndexOf("geolocat"u8) >= 0
        || sensor.IndexOf("radio"u8) >= 0 || sensor.IndexOf("natural"u8) >= 0 || sensor.IndexOf("ring"u8) >= 0
        || sensor.IndexOf("atlas"u8) >= 0 || sensor.IndexOf("sigfox"u8) >= 0;

    public void Dispose()
    {
        jsonWriter.Dispose();
        csv.Dispose();
        file.Dispose();
    }
}

/// <summary>Row errors of a file: all are counted, the first <see cref="Limit"/> are kept.</summary>
public sealed class ErrorList
{
    public const int Limit = 1000;
    private readonly List<RowError> kept = [];

    public int Count { get; private set; }

    public long Rows { get; private set; }

    public IReadOnlyList<RowError> Kept => kept;

    public void Add(RowError error)
    {
        Count++;
        if (kept.Count < Limit)
        {
            kept.Add(error);
        }
    }

    /// <summary>Counts a row that had errors (one row may have several).</summary>
    public void CountRow() => Rows++;
}

/// <summary>The studies, individuals and tags a file names, numbered in order of appearance. The
/// staging table carries these small numbers; the database ids are resolved once, set-based.</summary>
public sealed class TrackKeys
{
    private readonly Dictionary<(string, string), int> individuals = [];
    private readonly Dictionary<(string, string), int> tags = [];

    public List<(string Study, string Individual, string? Taxon)> Individuals { get; } = [];

    public List<(string Study, string Tag)> Tags { get; } = [];

    public int Individual(string study, string individual, string? taxon)
    {
        if (!individuals.TryGetValue((study, individual), out var key))
        {
            key = Individuals.Count;
            individuals.Add((study, individual), key);
            Individuals.Add((study, individual, taxon));
        }
        else if (taxon is not null && Individuals[key].Taxon is null)
        {
            Individuals[key] = (study, individual, taxon);
        }
        return key;
    }

    public int Tag(string study, string tag)
    {
        if (!tags.TryGetValue((study, tag), out var key))
        {
            key = Tags.Count;
            tags.Add((study, tag), key);
            Tags.Add((study, tag));
        }
        return key;
    }

    public string TagName(int key) => Tags[key].Tag;
}
