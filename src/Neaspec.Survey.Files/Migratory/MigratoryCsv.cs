using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>
/// The readers of the migratory-connectivity input files. Each one checks what a single file can tell (header,
/// ids, numbers, square, symmetric, rows summing to 1) and names file, line, column and value of every problem;
/// what needs two files (ids that must match) is <see cref="MigratoryInputs"/>'s.
/// </summary>
internal static class MigratoryCsv
{
    private const int MaxErrors = 100;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A table with header <c>id,&lt;column ids...&gt;</c> (the first header cell may also be empty, as R's
    /// write.csv leaves it) and one row per region: its id, then one number per column in [min, max].</summary>
    public static RegionMatrix? ReadMatrix(string path, double min, double max, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header id,<region ids...>"));
            return null;
        }
        var (headerLine, header) = records.Current;
        var before = errors.Count;
        if (header[0].Length > 0 && !header[0].Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new InputError(file, headerLine, "(header)", header[0], "the first header cell must be 'id' (or empty); the others are the column regions' ids"));
        }
        var columns = header.Skip(1).ToArray();
        CheckIds(file, headerLine, "(header)", columns, errors);
        if (columns.Length == 0)
        {
            errors.Add(new InputError(file, headerLine, "(header)", string.Join(",", header), "no column region ids after 'id'"));
        }
        if (errors.Count > before)
        {
            return null;
        }

        var rows = new List<string>();
        var lines = new List<int>();
        var values = new List<double[]>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext() && errors.Count < MaxErrors)
        {
            var (line, fields) = records.Current;
            var id = fields[0];
            if (fields.Length != header.Length)
            {
                errors.Add(new InputError(file, line, "(row)", id,
                    $"the row has {fields.Length - 1} values but the header names {columns.Length} regions"));
                continue;
            }
            if (!Id(file, line, "id", id, firstLine, errors))
            {
                continue;
            }
            var row = new double[columns.Length];
            var ok = true;
            for (var j = 0; j < columns.Length; j++)
            {
                ok &= Number(file, line, columns[j], fields[j + 1], min, max, errors, out row[j], $"row '{id}'");
            }
            if (ok)
            {
                rows.Add(id);
                lines.Add(line);
                values.Add(row);
            }
        }
        if (rows.Count == 0 && errors.Count == before)
        {
            errors.Add(new InputError(file, headerLine + 1, "(row)", "", "the file has a header but no row"));
        }
        if (errors.Count > before)
        {
            return null;
        }
        var matrix = new double[rows.Count, columns.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                matrix[i, j] = values[i][j];
            }
        }
        return new RegionMatrix(file, headerLine, rows.ToArray(), columns, matrix, lines.ToArray());
    }

    /// <summary>Every row of psi must sum to 1 within <see cref="MigratoryConnectivity.RowSumTolerance"/>.</summary>
    public static void CheckPsiRows(RegionMatrix psi, List<InputError> errors)
    {
        for (var i = 0; i < psi.Rows.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < psi.Columns.Length; j++)
            {
                sum += psi.Values[i, j];
            }
            if (Math.Abs(sum - 1) > MigratoryConnectivity.RowSumTolerance)
            {
                errors.Add(new InputError(psi.File, psi.Lines[i], "(row)", sum.ToString("R", Invariant),
                    $"the row of origin '{psi.Rows[i]}' sums to {sum.ToString("G10", Invariant)}; each origin's transition probabilities must sum to 1 (within {MigratoryConnectivity.RowSumTolerance.ToString("0e0", Invariant)})"));
            }
        }
    }

    /// <summary>A distance matrix must be square (its row ids the same set as its column ids) and symmetric; it
    /// comes back with its rows in the order of its columns.</summary>
    public static RegionMatrix? Square(RegionMatrix m, List<InputError> errors)
    {
        var before = errors.Count;
        var columns = m.Columns.ToHashSet(StringComparer.Ordinal);
        var rows = m.Rows.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < m.Rows.Length; i++)
        {
            if (!columns.Contains(m.Rows[i]))
            {
                errors.Add(new InputError(m.File, m.Lines[i], "id", m.Rows[i], "this row's region is not among the header's columns; a distance matrix is square, one row per column"));
            }
        }
        foreach (var column in m.Columns.Where(c => !rows.Contains(c)))
        {
            errors.Add(new InputError(m.File, m.HeaderLine, column, column, "this column's region has no row; a distance matrix is square, one row per column"));
        }
        if (errors.Count > before)
        {
            return null;
        }
        var square = m.RowsInColumnOrder();
        for (var i = 0; i < square.Rows.Length && errors.Count < MaxErrors; i++)
        {
            for (var k = i + 1; k < square.Rows.Length; k++)
            {
                var dik = square.Values[i, k];
                var dki = square.Values[k, i];
                if (!MigratoryConnectivity.IsSymmetricPair(dik, dki))
                {
                    errors.Add(new InputError(m.File, square.Lines[i], square.Columns[k], dik.ToString("R", Invariant),
                        $"row '{square.Rows[i]}' column '{square.Columns[k]}' is {dik.ToString(Invariant)} but row '{square.Rows[k]}' (line {square.Lines[k]}) column '{square.Columns[i]}' is {dki.ToString(Invariant)}; distances must be symmetric"));
                }
            }
        }
        return errors.Count > before ? null : square;
    }

    /// <summary><c>id,abundance</c>: abundance &gt;= 0 (relative or absolute; normalised later), not all 0.</summary>
    public static (string[] Ids, double[] Values, int[] Lines)? ReadAbundance(string path, List<InputError> errors)
    {
        var rows = ReadTable(path, ["id", "abundance"], errors, (file, line, f, e) =>
            Number(file, line, "abundance", f[1], 0, double.MaxValue, e, out var a) ? a : (double?)null);
        if (rows is null)
        {
            return null;
        }
        if (rows.Sum(r => r.Value) <= 0)
        {
            errors.Add(new InputError(Path.GetFileName(path), 0, "abundance", "0", "every abundance is 0; MC weighs origins by abundance"));
            return null;
        }
        return (rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Value).ToArray(), rows.Select(r => r.Line).ToArray());
    }

    /// <summary><c>id,lon,lat</c> in WGS84 degrees: the regions' points for great-circle distances.</summary>
    public static (string[] Ids, (double Longitude, double Latitude)[] Points, int[] Lines)? ReadPoints(string path, List<InputError> errors)
    {
        var rows = ReadTable(path, ["id", "lon", "lat"], errors, (file, line, f, e) =>
            Point(file, line, "lon", f[1], "lat", f[2], e));
        return rows is null ? null : (rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Value).ToArray(), rows.Select(r => r.Line).ToArray());
    }

    /// <summary>The columns of an individuals file; the four point columns come together or not at all.</summary>
    public static readonly string[] IndividualColumns = ["id", "origin", "target"];

    /// <summary>The optional point columns of an individuals file.</summary>
    public static readonly string[] IndividualPointColumns = ["origin_lon", "origin_lat", "target_lon", "target_lat"];

    /// <summary><c>id,origin,target[,origin_lon,origin_lat,target_lon,target_lat]</c>: one tracked bird per row with
    /// its origin and target region ids (checked against the run's regions), and optionally its points.</summary>
    public static List<TrackedIndividual>? ReadIndividuals(string path, IReadOnlyDictionary<string, int> origins,
        IReadOnlyDictionary<string, int> targets, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        var before = errors.Count;
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header id,origin,target"));
            return null;
        }
        var headerLine = records.Current.Line;
        var at = Columns(file, records.Current, IndividualColumns, errors);
        var pointAt = IndividualPointColumns.Select(c => Array.FindIndex(records.Current.Fields, f => f.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (pointAt.Any(i => i >= 0) && pointAt.Any(i => i < 0))
        {
            errors.Add(new InputError(file, headerLine, "(header)", string.Join(",", records.Current.Fields),
                $"give all four point columns ({string.Join(",", IndividualPointColumns)}) or none"));
        }
        if (at is null || errors.Count > before)
        {
            return null;
        }
        var hasPoints = pointAt[0] >= 0;
        var width = Math.Max(at.Max(), pointAt.Max()) + 1;
        var birds = new List<TrackedIndividual>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext() && errors.Count < MaxErrors)
        {
            var (line, f) = records.Current;
            if (f.Length < width)
            {
                errors.Add(new InputError(file, line, "(row)", string.Join(",", f), $"expected {width} fields, found {f.Length}"));
                continue;
            }
            var ok = Id(file, line, "id", f[at[0]], firstLine, errors);
            ok &= Region(file, line, "origin", f[at[1]], origins, errors, out var origin);
            ok &= Region(file, line, "target", f[at[2]], targets, errors, out var target);
            (double, double)? originPoint = null, targetPoint = null;
            if (hasPoints)
            {
                originPoint = Point(file, line, "origin_lon", f[pointAt[0]], "origin_lat", f[pointAt[1]], errors);
                targetPoint = Point(file, line, "target_lon", f[pointAt[2]], "target_lat", f[pointAt[3]], errors);
                ok &= originPoint is not null && targetPoint is not null;
            }
            if (ok)
            {
                birds.Add(new TrackedIndividual(f[at[0]], line, origin, target, originPoint, targetPoint));
            }
        }
        if (birds.Count == 0 && errors.Count == before)
        {
            errors.Add(new InputError(file, headerLine + 1, "(row)", "", "the file has a header but no individual"));
        }
        return errors.Count > before ? null : birds;
    }

    private static bool Region(string file, int line, string column, string id, IReadOnlyDictionary<string, int> regions,
        List<InputError> errors, out int index)
    {
        if (regions.TryGetValue(id, out index))
        {
            return true;
        }
        errors.Add(new InputError(file, line, column, id,
            $"no {column} region with this id (the {column} regions are {string.Join(", ", regions.Keys.Take(20))})"));
        return false;
    }

    /// <summary>A file of one row per region: a header naming <paramref name="required"/> (any order, other columns
    /// ignored), a unique non-empty id per row, and a value parsed by <paramref name="parse"/> from the fields put
    /// in the order of <paramref name="required"/>.</summary>
    private static List<(string Id, T Value, int Line)>? ReadTable<T>(string path, string[] required, List<InputError> errors,
        Func<string, int, string[], List<InputError>, T?> parse) where T : struct
    {
        var file = Path.GetFileName(path);
        var before = errors.Count;
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", $"the file is empty; expected the header {string.Join(",", required)}"));
            return null;
        }
        var headerLine = records.Current.Line;
        var at = Columns(file, records.Current, required, errors);
        if (at is null)
        {
            return null;
        }
        var rows = new List<(string, T, int)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext() && errors.Count < MaxErrors)
        {
            var (line, f) = records.Current;
            if (f.Length <= at.Max())
            {
                errors.Add(new InputError(file, line, "(row)", string.Join(",", f), $"expected at least {at.Max() + 1} fields, found {f.Length}"));
                continue;
            }
            var ok = Id(file, line, required[0], f[at[0]], firstLine, errors);
            var value = parse(file, line, at.Select(i => f[i]).ToArray(), errors);
            if (ok && value is { } v)
            {
                rows.Add((f[at[0]], v, line));
            }
        }
        if (rows.Count == 0 && errors.Count == before)
        {
            errors.Add(new InputError(file, headerLine + 1, "(row)", "", "the file has a header but no row"));
        }
        return errors.Count > before ? null : rows;
    }

    /// <summary>The index of each required column in the header (case-insensitive), or null with an error per
    /// missing column.</summary>
    private static int[]? Columns(string file, CsvRecords.Record header, string[] required, List<InputError> errors)
    {
        var at = required.Select(c => Array.FindIndex(header.Fields, f => f.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var i = 0; i < required.Length; i++)
        {
            if (at[i] < 0)
            {
                errors.Add(new InputError(file, header.Line, required[i], string.Join(",", header.Fields),
                    $"the header has no '{required[i]}' column; expected {string.Join(",", required)}"));
            }
        }
        return at.All(i => i >= 0) ? at : null;
    }

    private static void CheckIds(string file, int line, string column, string[] ids, List<InputError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id.Length == 0)
            {
                errors.Add(new InputError(file, line, column, "", "a region id is empty"));
            }
            else if (!seen.Add(id))
            {
                errors.Add(new InputError(file, line, column, id, "this region id is given twice"));
            }
        }
    }

    private static bool Id(string file, int line, string column, string id, Dictionary<string, int> firstLine, List<InputError> errors)
    {
        if (id.Length == 0)
        {
            errors.Add(new InputError(file, line, column, "", "the id is empty"));
            return false;
        }
        if (!firstLine.TryAdd(id, line))
        {
            errors.Add(new InputError(file, line, column, id, $"the id is already used on line {firstLine[id]}"));
            return false;
        }
        return true;
    }

    private static (double, double)? Point(string file, int line, string lonColumn, string lon, string latColumn, string lat,
        List<InputError> errors)
    {
        var ok = Number(file, line, lonColumn, lon, -180, 180, errors, out var x);
        ok &= Number(file, line, latColumn, lat, -90, 90, errors, out var y);
        return ok ? (x, y) : null;
    }

    private static bool Number(string file, int line, string column, string text, double min, double max,
        List<InputError> errors, out double value, string? where = null)
    {
        var prefix = where is null ? "" : where + ": ";
        if (!double.TryParse(text, NumberStyles.Float, Invariant, out value) || !double.IsFinite(value))
        {
            errors.Add(new InputError(file, line, column, text, prefix + "not a number (use a dot as decimal separator)"));
            return false;
        }
        if (value < min || value > max)
        {
            errors.Add(new InputError(file, line, column, text, prefix + (max == double.MaxValue
                ? $"must be >= {min.ToString(Invariant)}"
                : $"must be between {min.ToString(Invariant)} and {max.ToString(Invariant)}")));
            return false;
        }
        return true;
    }
}
