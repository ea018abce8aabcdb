using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Writes PostgreSQL's binary COPY format straight into a raw COPY stream
/// (<c>NpgsqlConnection.BeginRawBinaryCopy</c>). For the hot path of the tracks import: the typed
/// binary importer spends about 120 ns per field resolving converters, more CPU than parsing the CSV;
/// this writer spends a few. Each value is written as its type's binary wire format, so the column
/// list of the COPY and the order of the calls must agree (the tests check the stored values).</summary>
public sealed class PgBinaryCopyWriter
{
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private readonly Stream output;
    private readonly byte[] buffer = new byte[1 << 16];
    private int position;

    public PgBinaryCopyWriter(Stream output)
    {
        this.output = output;
        // Signature, flags, header extension length.
        ReadOnlySpan<byte> signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
        signature.CopyTo(buffer);
        position = 11;
        Int32Raw(0);
        Int32Raw(0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Take(int count)
    {
        if (position + count > buffer.Length)
        {
            Flush();
        }
        var span = buffer.AsSpan(position, count);
        position += count;
        return span;
    }

    private void Int32Raw(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(4), value);

    public void StartRow(short fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);

    public void Null() => Int32Raw(-1);

    /// <summary>A field's length, then the span its value goes into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Field(int length)
    {
        var s = Take(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(s, length);
        return s[4..];
    }

    public void Int16(short value) => BinaryPrimitives.WriteInt16BigEndian(Field(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);

    public void Float4(float value) => BinaryPrimitives.WriteSingleBigEndian(Field(4), value);

    /// <summary>A real, or NULL.</summary>
    public void Float4(float? value)
    {
        if (value is { } v) Float4(v); else Null();
    }

    public void Float8(double value) => BinaryPrimitives.WriteDoubleBigEndian(Field(8), value);

    public void Bool(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void TimestampTz(DateTime utc) => Int64((utc.Ticks - PostgresEpochTicks) / 10);

    /// <summary>A point as EWKB with SRID 4326: geometry's binary input.</summary>
    public void Point4326(double x, double y)
    {
        var s = Field(25);
        s[0] = 1; // little endian
        BinaryPrimitives.WriteUInt32LittleEndian(s[1..], 0x2000_0001); // Point, SRID follows
        BinaryPrimitives.WriteInt32LittleEndian(s[5..], 4326);
        BinaryPrimitives.WriteDoubleLittleEndian(s[9..], x);
        BinaryPrimitives.WriteDoubleLittleEndian(s[17..], y);
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void Date(DateOnly day) => Int32(day.DayNumber - PostgresEpochDay);

    /// <summary>A MultiPoint as EWKB with SRID 4326, from x, y pairs (<paramref name="xy"/>: x0, y0, x1, y1, ...).</summary>
    public void MultiPoint4326(ReadOnlySpan<double> xy)
    {
        var points = xy.Length / 2;
        Int32Raw(13 + (points * 21)); // byte order, type, SRID, count; 21 bytes a point
        var head = Take(9);
        head[0] = 1; // little endian
        BinaryPrimitives.WriteUInt32LittleEndian(head[1..], 0x2000_0004); // MultiPoint, SRID follows
        BinaryPrimitives.WriteInt32LittleEndian(head[5..], 4326);
        BinaryPrimitives.WriteInt32LittleEndian(Take(4), points);
        for (var i = 0; i < points; i++)
        {
            var s = Take(21);
            s[0] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(s[1..], 1); // Point (its SRID is the collection's)
            BinaryPrimitives.WriteDoubleLittleEndian(s[5..], xy[2 * i]);
            BinaryPrimitives.WriteDoubleLittleEndian(s[13..], xy[(2 * i) + 1]);
        }
    }

    /// <summary>jsonb: version 1, then the JSON text as UTF-8.</summary>
    public void Jsonb(ReadOnlySpan<byte> utf8Json)
    {
        Int32Raw(utf8Json.Length + 1);
        Take(1)[0] = 1;
        Bytes(utf8Json);
    }

    public void Jsonb(string json) => Jsonb(Encoding.UTF8.GetBytes(json));

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (position == buffer.Length)
            {
                Flush();
            }
            var n = Math.Min(bytes.Length, buffer.Length - position);
            bytes[..n].CopyTo(buffer.AsSpan(position));
            position += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Writes the trailer and what is buffered; the caller then completes the COPY.</summary>
    public void Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);
        Flush();
    }

    public void Flush()
    {
        output.Write(buffer, 0, position);
        position = 0;
    }
}
