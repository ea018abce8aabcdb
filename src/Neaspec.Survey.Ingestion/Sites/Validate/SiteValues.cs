using System.Globalization;
using Neaspec.Survey.Ingestion.Ledger;
using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Ingestion.Sites.Validate;

/// <summary>The rules a site's values follow, whichever file format brought them.</summary>
public static class SiteValues
{
    /// <summary>The languages of a site's names besides English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh", "ja", "ko", "ru", "mn"];

    /// <summary>Makes the points and areas of sites (SRID 4326).</summary>
    public static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>A point from decimal-degree text, or null with the errors added.</summary>
    public static Point? Point(long line, string? latText, string? lonText, string latName, string lonName, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ok = true;
        if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || Math.Abs(lat) > 90)
        {
            errors.Add(new RowError(line, latName, latText ?? "", "latitude must be decimal degrees within ±90"));
            ok = false;
        }
        if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || Math.Abs(lon) > 180)
        {
            errors.Add(new RowError(line, lonName, lonText ?? "", "longitude must be decimal degrees within ±180"));
            ok = false;
        }
        return ok ? Factory.CreatePoint(new Coordinate(lon, lat)) : null;
    }

    /// <summary>An ISO 3166-1 alpha-2 code, upper case, or null with the error added.</summary>
    public static string? Country(long line, string column, string? value, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var cc = value?.ToUpperInvariant();
        if (cc is { Length: 2 } && cc.All(char.IsAsciiLetterUpper))
        {
            return cc;
        }
        errors.Add(new RowError(line, column, value ?? "", "country must be an ISO 3166-1 alpha-2 code (KR, CN, JP, KP, MN, RU, TW, HK, ...)"));
        return null;
    }

    /// <summary>Every site of a file after the first with the same code (codes match without case) is an error.</summary>
    public static IEnumerable<RowError> Duplicates(IEnumerable<SiteRecord> sites, string codeColumn) =>
        sites.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(s => new RowError(s.Line, codeColumn, s.Code, $"duplicate of line {g.First().Line}")));
}
