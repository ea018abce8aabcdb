using System.Runtime.CompilerServices;
using Neaspec.Survey.Ingestion.Tracks.Validate;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The measure columns of a fix, in the order both COPY routes write them (fixes and the staging table
/// end with the same six: hdop, satellites, ground speed, heading, height above ellipsoid, external temperature,
/// then the other Movebank attributes as jsonb), so a new typed column is added in one place.</summary>
internal static class TrackMeasures
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(PgBinaryCopyWriter copy, ref TrackRow row)
    {
        if (row.Hdop is { } h) copy.Float4(h); else copy.Null();
        if (row.SatelliteCount is { } s) copy.Int16(s); else copy.Null();
        copy.Float4(row.GroundSpeed);
        copy.Float4(row.Heading);
        copy.Float4(row.HeightAboveEllipsoid);
        copy.Float4(row.ExternalTemperature);
        if (row.Attributes is { } a) copy.Jsonb(a); else copy.Null();
    }
}
