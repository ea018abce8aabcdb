using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>Parsers for Movebank field values, straight from the UTF-8 bytes of a field.</summary>
public static class MovebankValues
{
    private static readonly byte[] Na = "NA"u8.ToArray();

    /// <summary>Empty, or R's NA.</summary>
    public static bool IsMissing(ReadOnlySpan<byte> value) => value.IsEmpty || value.SequenceEqual(Na);

    /// <summary>A UTC timestamp: <c>yyyy-MM-dd HH:mm:ss[.fff]</c> as Movebank writes it, with 'T' for the
    /// space, any number of fraction digits and an optional Z also accepted. Milliseconds are kept.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimestamp(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T') && s[13] == ':' && s[16] == ':'
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second))
        {
            var rest = s[19..];
            long ticks = 0;
            if (!rest.IsEmpty && rest[0] == '.')
            {
                var n = 1;
                long scale = TimeSpan.TicksPerSecond;
                while (n < rest.Length && (uint)(rest[n] - '0') <= 9)
                {
                    scale /= 10;
                    ticks += (rest[n] - '0') * scale;
                    n++;
                }
                if (n == 1)
                {
                    return false;
                }
                rest = rest[n..];
            }
            if (!(rest.IsEmpty || rest.SequenceEqual("Z"u8) || rest.SequenceEqual("+00:00"u8) || rest.SequenceEqual(" UTC"u8)))
            {
                return false;
            }
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
            {
                return false;
            }
            // Whole milliseconds, as the database keeps them.
            ticks -= ticks % TimeSpan.TicksPerMillisecond;
            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
            return true;
        }
        // A bare date (reference data's deploy-on-date may be one).
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4, out var y) && Digits(s, 5, 2, out var m) && Digits(s, 8, 2, out var d)
            && m is >= 1 and <= 12 && y >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            value = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(s[i] - '0');
            if (digit > 9)
            {
                return false;
            }
            value = value * 10 + (int)digit;
        }
        return true;
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryParseLong(ReadOnlySpan<byte> s, out long value) =>
        Utf8Parser.TryParse(s, out value, out var consumed) && consumed == s.Length;

    /// <summary>Movebank writes true/false; R writes TRUE/FALSE; some tools 1/0 or t/f.</summary>
    public static bool TryParseBool(ReadOnlySpan<byte> s, out bool value)
    {
        if (s.Length == 4 && System.Text.Ascii.EqualsIgnoreCase(s, "true"u8) || s.SequenceEqual("1"u8) || s.SequenceEqual("t"u8) || s.SequenceEqual("T"u8))
        {
            value = true;
            return true;
        }
        if (s.Length == 5 && System.Text.Ascii.EqualsIgnoreCase(s, "false"u8) || s.SequenceEqual("0"u8) || s.SequenceEqual("f"u8) || s.SequenceEqual("F"u8))
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }

    /// <summary>A field's bytes as text for a message: invalid UTF-8 shows as U+FFFD, long values are cut.</summary>
    public static string Show(ReadOnlySpan<byte> s)
    {
        var text = Encoding.UTF8.GetString(s.Length > 200 ? s[..200] : s);
        return s.Length > 200 ? text + "..." : text;
    }
}
