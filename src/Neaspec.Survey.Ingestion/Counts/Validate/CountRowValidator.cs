using System.Globalization;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Ingestion.Counts.Read;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Counts.Validate;

/// <summary>Turns the text fields of one row into a <see cref="CountRow"/> or the errors that stop it.
/// Pure: no database, so every rule is testable on its own. <paramref name="dates"/>: the plausible survey
/// dates (default: <see cref="DateWindow.Default"/>).</summary>
public sealed class CountRowValidator(CountColumns columns, SpeciesResolver species, DateWindow? dates = null)
{
    private readonly DateWindow dates = dates ?? DateWindow.Default;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss", "HHmm"];

    /// <summary>Validates a row given as a field getter (null or "" for an empty field). Adds errors to
    /// <paramref name="errors"/> and returns null when there is any.</summary>
    public CountRow? Validate(long line, Func<int, string?> field, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        string? Get(CountField f) => columns.Has(f) ? Clean(field(columns[f])) : null;
        void Fail(CountField f, string? value, string reason) => errors.Add(new RowError(line, columns.NameOf(f), value, reason));

        var siteCode = Get(CountField.SiteCode);
        if (siteCode is null)
        {
            Fail(CountField.SiteCode, "", "site code is required");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(siteCode) > ImportLimits.MaxIdentifierBytes)
        {
            Fail(CountField.SiteCode, siteCode[..200] + "...", $"a site code longer than {ImportLimits.MaxIdentifierBytes:N0} bytes: a broken or shifted line?");
        }

        var country = Get(CountField.Country)?.ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            Fail(CountField.Country, Get(CountField.Country), "country must be an ISO 3166-1 alpha-2 code such as KR, CN, JP, KP, MN, RU, TW, HK");
        }

        var (lat, lon) = Coordinates(line, Get(CountField.Latitude), Get(CountField.Longitude), errors);

        var (date, time) = When(line, Get(CountField.Date), Get(CountField.Time), errors);
        var scientific = Species(line, Get(CountField.Species), errors);
        var individuals = Individuals(line, Get(CountField.Count), errors);

        if (errors.Count > before)
        {
            return null;
        }
        return new CountRow(line, siteCode!, Get(CountField.SiteName), country, lat, lon, date, time, scientific!,
            individuals, Get(CountField.CountType), Get(CountField.Method), Get(CountField.Observer), Get(CountField.Notes));
    }

    private RowError Error(long line, CountField field, string? value, string reason) => new(line, columns.NameOf(field), value, reason);

    /// <summary>The survey date (ISO 8601; a Darwin Core date-time gives the time too) and the time column.</summary>
    private (DateOnly Date, TimeOnly? Time) When(long line, string? dateText, string? timeText, List<RowError> errors)
    {
        DateOnly date = default;
        TimeOnly? time = null;
        if (dateText is null)
        {
            errors.Add(Error(line, CountField.Date, "", "date is required (YYYY-MM-DD)"));
        }
        else if (!TryDate(dateText, out date, out var timeInDate))
        {
            errors.Add(Error(line, CountField.Date, dateText, DateReason(dateText)));
        }
        else if (!dates.Contains(date))
        {
            // 0001-01-01 and 9999-12-31 would be stored as -infinity / infinity; a year typed 2205 is a typo.
            errors.Add(Error(line, CountField.Date, dateText, dates.Reason("survey date")));
        }
        else
        {
            time = timeInDate;
        }
        if (timeText is not null)
        {
            if (TimeOnly.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                time = t;
            }
            else
            {
                errors.Add(Error(line, CountField.Time, timeText, "time must be HH:MM (24 h)"));
            }
        }
        return (date, time);
    }

    /// <summary>The catalogue's scientific name for the species as written.</summary>
    private string? Species(long line, string? speciesText, List<RowError> errors)
    {
        var scientific = species.Resolve(speciesText);
        if (speciesText is null)
        {
            errors.Add(Error(line, CountField.Species, "", "species is required"));
        }
        else if (scientific is null)
        {
            errors.Add(Error(line, CountField.Species, speciesText, UnknownSpecies(speciesText)));
        }
        return scientific;
    }

    /// <summary>Why a species name is refused, with the closest catalogue names when there are any.</summary>
    private string UnknownSpecies(string speciesText) => species.Suggest(speciesText) switch
    {
        [] => $"unknown species '{speciesText}': not a scientific name, synonym or common name (en/zh-Hans/zh-Hant/ja/ko/ru/mn) " +
            "of the catalogue; an admin can add it to the species catalogue",
        var close => $"unknown species '{speciesText}': did you mean {string.Join(" or ", close)}?",
    };

    /// <summary>The count: a whole number >= 0, or null (blank) when the species was not counted.</summary>
    private int? Individuals(long line, string? countText, List<RowError> errors)
    {
        if (countText is null)
        {
            return null;
        }
        if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        var reason = countText.StartsWith('-') && double.TryParse(countText, CultureInfo.InvariantCulture, out _)
            ? "count must not be negative"
            : "count must be a whole number (leave it blank when the species was not counted)";
        errors.Add(Error(line, CountField.Count, countText, reason));
        return null;
    }

    private (double? Lat, double? Lon) Coordinates(long line, string? latText, string? lonText, List<RowError> errors)
    {
        if (latText is null && lonText is null)
        {
            return (null, null);
        }
        var latName = columns.NameOf(CountField.Latitude);
        var lonName = columns.NameOf(CountField.Longitude);
        if (latText is null || lonText is null)
        {
            errors.Add(latText is null
                ? new RowError(line, latName, "", "latitude is missing while longitude is given")
                : new RowError(line, lonName, "", "longitude is missing while latitude is given"));
            return (null, null);
        }
        var latOk = double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && double.IsFinite(lat);
        var lonOk = double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && double.IsFinite(lon);
        if (!latOk)
        {
            errors.Add(new RowError(line, latName, latText, "latitude must be a decimal number of degrees (WGS 84), e.g. 34.85"));
        }
        if (!lonOk)
        {
            errors.Add(new RowError(line, lonName, lonText, "longitude must be a decimal number of degrees (WGS 84), e.g. 127.50"));
        }
        if (!latOk || !lonOk)
        {
            return (null, null);
        }
        if (Math.Abs(lat) > 90 && Math.Abs(lat) <= 180 && Math.Abs(lon) <= 90)
        {
            errors.Add(new RowError(line, latName, latText,
                $"latitude and longitude look swapped (latitude {latText}, longitude {lonText}): latitude is north-south, within ±90"));
            return (null, null);
        }
        if (Math.Abs(lat) > 90)
        {
            errors.Add(new RowError(line, latName, latText, "latitude out of range (-90 to 90)"));
        }
        if (Math.Abs(lon) > 180)
        {
            errors.Add(new RowError(line, lonName, lonText, "longitude out of range (-180 to 180)"));
        }
        return Math.Abs(lat) > 90 || Math.Abs(lon) > 180 ? (null, null) : (lat, lon);
    }

    private static bool TryDate(string text, out DateOnly date, out TimeOnly? time)
    {
        time = null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        // Darwin Core eventDate may carry a time: 2024-01-15T08:30 or 2024-01-15T08:30:00+09:00.
        if (text.Length > 10 && text[10] is 'T' or ' '
            && DateOnly.TryParseExact(text[..10], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && TimeOnly.TryParse(text[11..].Split('+', 'Z')[0], CultureInfo.InvariantCulture, out var t))
        {
            time = t;
            return true;
        }
        return false;
    }

    private static string DateReason(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal) && text.Length > 10 && text.IndexOf('/', StringComparison.Ordinal) >= 8)
        {
            return "date ranges are not accepted: one survey visit per row (YYYY-MM-DD)";
        }
        var parts = text.Split('-');
        if (parts.Length == 3 && parts.All(p => p.All(char.IsAsciiDigit)) && parts[0].Length == 4)
        {
            return "no such date in the calendar";
        }
        return "date must be YYYY-MM-DD (day-first and month-first dates are ambiguous)";
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
