using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Tracks.Read;

namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>Judges the current row of a <see cref="TrackFileReader"/>: a fix (parsed into a
/// <see cref="TrackRow"/>, its study, individual and tag numbered in <see cref="Keys"/>), a row that is no
/// fix (counted), or a bad row (its errors name line, column and value). Reads the fields' UTF-8 bytes as
/// they lie in the reader's buffer.</summary>
public sealed class TrackRowValidator : IDisposable
{
    private readonly TrackFileReader reader;
    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly Utf8JsonWriter jsonWriter;
    private readonly Func<string, DateTime, (string Animal, string? Taxon)?>? deploymentLookup;
    private readonly DateWindow dates;
    private byte[] lastStudy = [];
    private byte[] lastIndividual = [];
    private int lastIndividualKey = -1;
    private byte[] lastTag = [];
    private int lastTagKey = -1;
    private string lastStudyName = "";
    // Measure columns (by index into MovebankHeader.Measures) of the current row whose value is no number: kept as attributes.
    private int unparsedMeasures;

    /// <summary><paramref name="defaultStudy"/> names the study of rows without study-name;
    /// <paramref name="deploymentLookup"/> (tag, time) -> animal links tags to animals when a row names no individual;
    /// <paramref name="dates"/>: the plausible fix times (default <see cref="DateWindow.Default"/>).</summary>
    public TrackRowValidator(TrackFileReader reader, string defaultStudy,
        Func<string, DateTime, (string Animal, string? Taxon)?>? deploymentLookup = null, DateWindow? dates = null)
    {
        this.reader = reader;
        this.dates = dates ?? DateWindow.Default;
        DefaultStudy = defaultStudy;
        this.deploymentLookup = deploymentLookup;
        jsonWriter = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public string DefaultStudy { get; }

    /// <summary>The studies, individuals and tags of the rows validated so far.</summary>
    public TrackKeys Keys { get; } = new();

    /// <summary>The study the current row names (the default study when it names none).</summary>
    public string CurrentStudy()
    {
        if (reader.Header.Study == MovebankHeader.Missing)
        {
            return DefaultStudy;
        }
        var span = reader.Field(reader.Header.Study);
        return MovebankValues.IsMissing(span) || !Utf8.IsValid(span) ? DefaultStudy : System.Text.Encoding.UTF8.GetString(span);
    }

    /// <summary>Parses the current row into <paramref name="row"/>; problems are added to <paramref name="errors"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrackRowKind Validate(ref TrackRow row, ErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var line = reader.Line;
        row.Line = line;
        if (ShapeError(line) is { } shape)
        {
            errors.Add(shape);
            return TrackRowKind.Error;
        }
        var h = reader.Header;
        var lon = reader.Field(h.Longitude);
        var lat = reader.Field(h.Latitude);
        if (MovebankValues.IsMissing(lon) && MovebankValues.IsMissing(lat))
        {
            return WithoutLocation();
        }
        var before = errors.Count;
        Location(ref row, lon, lat, errors, line);
        Timestamp(ref row, errors, line);
        Quality(ref row, errors, line);
        Measures(ref row);
        ResolveKeys(ref row, errors, line);
        if (errors.Count == before && row.Individual < 0)
        {
            return TrackRowKind.NoIndividual;
        }
        row.Attributes = h.Attributes.Count == 0 && unparsedMeasures == 0 ? null : WriteAttributes(errors, line);
        return errors.Count > before ? TrackRowKind.Error : TrackRowKind.Fix;
    }

    /// <summary>A row CsvHelper found malformed, whose field count is not the header's, or whose bytes
    /// cannot be stored as text (a NUL byte, not UTF-8).</summary>
    private RowError? ShapeError(long line)
    {
        var names = reader.Header.Names.Count;
        if (reader.RecordError() is { } bytes)
        {
            return bytes;
        }
        if (reader.Malformed(out var malformed))
        {
            return new RowError(line, null, null, malformed switch
            {
                CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed: the file is cut off (truncated) or a closing quote is missing",
                CsvMalformedReason.StrayQuote => "a quote inside an unquoted value: quote the whole value and double the quote",
                CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote: quote the whole value and double the quotes inside it",
                _ => $"malformed CSV ({malformed})",
            });
        }
        if (reader.FieldCount != names)
        {
            return new RowError(line, null, null, reader.FieldCount < names
                ? $"the row has {reader.FieldCount} of the header's {names} fields: a truncated or cut line?"
                : $"the row has {reader.FieldCount} fields, the header {names}: an unquoted comma in a value?");
        }
        return null;
    }

    /// <summary>A row with neither coordinate is counted, not stored. Only the sensor type decides which
    /// count: a row without coordinates needs no other field to be valid.</summary>
    private TrackRowKind WithoutLocation()
    {
        var sensor = reader.Header.SensorType;
        return sensor != MovebankHeader.Missing && reader.Field(sensor) is { IsEmpty: false } type && !IsLocationSensor(type)
            ? TrackRowKind.NonLocation
            : TrackRowKind.NoFix;
    }

    private void Location(ref TrackRow row, ReadOnlySpan<byte> lon, ReadOnlySpan<byte> lat, ErrorList errors, long line)
    {
        var h = reader.Header;
        var (hasLon, hasLat) = (!MovebankValues.IsMissing(lon), !MovebankValues.IsMissing(lat));
        if (hasLon != hasLat)
        {
            errors.Add(new RowError(line, h.Names[hasLon ? h.Latitude : h.Longitude], "", "one coordinate without the other"));
            return;
        }
        if (!MovebankValues.TryParseDouble(lon, out row.Longitude) || row.Longitude is < -180 or > 180)
        {
            errors.Add(Bad(line, h.Longitude, lon, "not a longitude (decimal degrees, -180 to 180)"));
        }
        if (!MovebankValues.TryParseDouble(lat, out row.Latitude) || row.Latitude is < -90 or > 90)
        {
            errors.Add(Bad(line, h.Latitude, lat, "not a latitude (decimal degrees, -90 to 90)"));
        }
    }

    private void Timestamp(ref TrackRow row, ErrorList errors, long line)
    {
        var column = reader.Header.Timestamp;
        var ts = reader.Field(column);
        if (MovebankValues.IsMissing(ts))
        {
            errors.Add(new RowError(line, reader.Header.Names[column], "", "a fix needs a timestamp"));
        }
        else if (!MovebankValues.TryParseTimestamp(ts, out row.ObservedAt))
        {
            errors.Add(Bad(line, column, ts, "not a UTC timestamp like 2011-02-11 17:30:00.000"));
        }
        else if (!dates.Contains(row.ObservedAt))
        {
            errors.Add(Bad(line, column, ts, dates.Reason("fix time")));
        }
    }

    /// <summary>The optional columns: event id, Movebank's visible flag, the manual outlier flag, HDOP and
    /// satellite count.</summary>
    private void Quality(ref TrackRow row, ErrorList errors, long line)
    {
        var h = reader.Header;
        row.EventId = null;
        if (Present(h.EventId, out var v))
        {
            if (MovebankValues.TryParseLong(v, out var id))
            {
                row.EventId = id;
            }
            else
            {
                errors.Add(Bad(line, h.EventId, v, "not an event id (a whole number)"));
            }
        }
        row.Visible = true;
        if (Present(h.Visible, out v) && !MovebankValues.TryParseBool(v, out row.Visible))
        {
            errors.Add(Bad(line, h.Visible, v, "not true or false"));
        }
        row.MarkedOutlier = false;
        if (Present(h.MarkedOutlier, out v) && !MovebankValues.TryParseBool(v, out row.MarkedOutlier))
        {
            errors.Add(Bad(line, h.MarkedOutlier, v, "not true or false"));
        }
        row.Hdop = null;
        if (Present(h.Hdop, out v))
        {
            if (MovebankValues.TryParseDouble(v, out var hdop) && hdop >= 0)
            {
                row.Hdop = (float)hdop;
            }
            else
            {
                errors.Add(Bad(line, h.Hdop, v, "not an HDOP (a number >= 0)"));
            }
        }
        row.SatelliteCount = null;
        if (Present(h.SatelliteCount, out v))
        {
            if (MovebankValues.TryParseLong(v, out var n) && n is >= 0 and <= short.MaxValue)
            {
                row.SatelliteCount = (short)n;
            }
            else
            {
                errors.Add(Bad(line, h.SatelliteCount, v, "not a satellite count (a whole number >= 0)"));
            }
        }
    }

    /// <summary>Movebank's numeric attributes into their columns. A value that is no number (or beyond a real's
    /// range) is no error: it is kept as an attribute, as every other column is.</summary>
    private void Measures(ref TrackRow row)
    {
        unparsedMeasures = 0;
        var m = reader.Header.Measures;
        row.GroundSpeed = Measure(m[0], 0);
        row.Heading = Measure(m[1], 1);
        row.HeightAboveEllipsoid = Measure(m[2], 2);
        row.ExternalTemperature = Measure(m[3], 3);
    }

    private float? Measure(int column, int measure)
    {
        if (!Present(column, out var v))
        {
            return null;
        }
        if (MovebankValues.TryParseDouble(v, out var d) && float.IsFinite((float)d))
        {
            return (float)d;
        }
        unparsedMeasures |= 1 << measure;
        return null;
    }

    /// <summary>The file has the column and the current row gives a value in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Present(int column, out ReadOnlySpan<byte> value)
    {
        value = column == MovebankHeader.Missing ? default : reader.Field(column);
        return !MovebankValues.IsMissing(value);
    }

    private RowError Bad(long line, int column, ReadOnlySpan<byte> value, string reason) =>
        new(line, reader.Header.Names[column], MovebankValues.Show(value), reason);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveKeys(ref TrackRow row, ErrorList errors, long line)
    {
        var h = reader.Header;
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

    /// <summary>An identifier column's value (empty when the column is missing or NA); false when it is not
    /// UTF-8 or longer than <see cref="ImportLimits.MaxIdentifierBytes"/>.</summary>
    private bool TextField(int column, ErrorList errors, long line, out ReadOnlySpan<byte> value)
    {
        value = column == MovebankHeader.Missing ? default : reader.Field(column);
        if (MovebankValues.IsMissing(value))
        {
            value = default;
            return true;
        }
        if (value.Length > ImportLimits.MaxIdentifierBytes)
        {
            errors.Add(new RowError(line, reader.Header.Names[column], MovebankValues.Show(value),
                $"an identifier longer than {ImportLimits.MaxIdentifierBytes:N0} bytes ({value.Length:N0}): a broken or shifted line?"));
            return false;
        }
        if (Utf8.IsValid(value))
        {
            return true;
        }
        errors.Add(new RowError(line, reader.Header.Names[column], MovebankValues.Show(value), CsvRecordCheck.NotUtf8(value)));
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[]? WriteAttributes(ErrorList errors, long line)
    {
        json.ResetWrittenCount();
        jsonWriter.Reset(json);
        var any = false;
        foreach (var (index, name) in reader.Header.Attributes)
        {
            var v = reader.Field(index);
            if (MovebankValues.IsMissing(v))
            {
                continue;
            }
            if (!Utf8.IsValid(v))
            {
                errors.Add(new RowError(line, name, MovebankValues.Show(v), CsvRecordCheck.NotUtf8(v)));
                return null;
            }
            if (!any)
            {
                jsonWriter.WriteStartObject();
                any = true;
            }
            jsonWriter.WriteString(name, v);
        }
        for (var m = 0; unparsedMeasures != 0 && m < reader.Header.Measures.Count; m++)
        {
            if ((unparsedMeasures & (1 << m)) == 0)
            {
                continue;
            }
            var column = reader.Header.Measures[m];
            var v = reader.Field(column);
            if (!Utf8.IsValid(v))
            {
                errors.Add(new RowError(line, reader.Header.Names[column], MovebankValues.Show(v), CsvRecordCheck.NotUtf8(v)));
                return null;
            }
            if (!any)
            {
                jsonWriter.WriteStartObject();
                any = true;
            }
            jsonWriter.WriteString(reader.Header.Names[column].Trim(), v);
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

    public void Dispose() => jsonWriter.Dispose();
}
