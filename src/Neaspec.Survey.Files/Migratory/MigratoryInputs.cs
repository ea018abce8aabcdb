using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>
/// Everything a migratory-connectivity run reads, checked across files and put in one order: the origin and target
/// regions (from psi when given, else from the distances or points), psi or the individuals to estimate it from,
/// both distance matrices and the origin abundances.
/// </summary>
internal sealed class MigratoryInputs
{
    private MigratoryInputs(string[] origins, string[] targets, double[,] originDistances, double[,] targetDistances, double[] abundance)
    {
        Origins = origins;
        Targets = targets;
        OriginDistances = originDistances;
        TargetDistances = targetDistances;
        Abundance = abundance;
    }

    public string[] Origins { get; }

    public string[] Targets { get; }

    public double[,] OriginDistances { get; }

    public double[,] TargetDistances { get; }

    /// <summary>Origin abundances in the order of <see cref="Origins"/>, as given (not normalised).</summary>
    public double[] Abundance { get; }

    /// <summary>psi from the psi file, in region order; null when it is estimated from <see cref="Individuals"/>.</summary>
    public double[,]? Psi { get; private init; }

    public IReadOnlyList<TrackedIndividual>? Individuals { get; private init; }

    /// <summary>True when every individual has its origin and target point (rM can be computed).</summary>
    public bool HasPoints => Individuals is { Count: > 0 } birds && birds[0].OriginPoint is not null;

    /// <summary>Where each distance matrix came from, for the summary.</summary>
    public required string OriginDistanceSource { get; init; }

    public required string TargetDistanceSource { get; init; }

    /// <summary>Reads and checks every file; null (and errors) when anything is wrong.</summary>
    public static MigratoryInputs? Read(MigratoryConnectivityFileOptions o, List<InputError> errors)
    {
        var psi = o.PsiPath is { } psiPath ? MigratoryCsv.ReadMatrix(psiPath, 0, 1, errors) : null;
        if (psi is not null)
        {
            MigratoryCsv.CheckPsiRows(psi, errors);
        }
        var origin = Side(o.OriginDistancesPath, o.OriginsPath, errors);
        var target = Side(o.TargetDistancesPath, o.TargetsPath, errors);
        var abundance = MigratoryCsv.ReadAbundance(o.OriginAbundancePath, errors);
        if (errors.Count > 0 || origin is null || target is null || abundance is not { } ab || (o.PsiPath is not null && psi is null))
        {
            return null;
        }

        // psi names the regions when it is given; the distances (or points) do otherwise.
        var origins = psi?.Rows ?? origin.Ids;
        var targets = psi?.Columns ?? target.Ids;
        var originsFrom = psi?.File ?? origin.File;
        var targetsFrom = psi?.File ?? target.File;
        var originOrder = Match(origins, originsFrom, "origin", origin.Ids, origin.Lines, origin.File, errors);
        var targetOrder = Match(targets, targetsFrom, "target", target.Ids, target.Lines, target.File, errors);
        var abundanceOrder = Match(origins, originsFrom, "origin", ab.Ids, ab.Lines, Path.GetFileName(o.OriginAbundancePath), errors);
        if (origins.Length < 2 || targets.Length < 2)
        {
            errors.Add(new InputError(originsFrom, 0, "(regions)", $"{origins.Length} origins, {targets.Length} targets",
                "MC correlates distances between regions: it needs at least two origin and two target regions"));
        }
        if (errors.Count > 0 || originOrder is null || targetOrder is null || abundanceOrder is null)
        {
            return null;
        }

        IReadOnlyList<TrackedIndividual>? individuals = null;
        if (o.IndividualsPath is { } individualsPath)
        {
            individuals = MigratoryCsv.ReadIndividuals(individualsPath, IndexOf(origins), IndexOf(targets), errors);
            if (individuals is not null)
            {
                EveryOriginSampled(individuals, origins, Path.GetFileName(individualsPath), errors);
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new MigratoryInputs(origins, targets, Permute(origin.Distances, originOrder), Permute(target.Distances, targetOrder),
            abundanceOrder.Select(i => ab.Values[i]).ToArray())
        {
            Psi = psi?.Values,
            Individuals = individuals,
            OriginDistanceSource = origin.Source,
            TargetDistanceSource = target.Source,
        };
    }

    private sealed record SideInput(string File, string Source, string[] Ids, int[] Lines, double[,] Distances);

    /// <summary>One season's distances: a distance matrix file, or great-circle km between the points of a
    /// regions file.</summary>
    private static SideInput? Side(string? distancesPath, string? pointsPath, List<InputError> errors)
    {
        if (distancesPath is not null)
        {
            var read = MigratoryCsv.ReadMatrix(distancesPath, 0, double.MaxValue, errors);
            var square = read is null ? null : MigratoryCsv.Square(read, errors);
            return square is null ? null
                : new SideInput(square.File, $"distance matrix {square.File}", square.Columns, square.Lines, square.Values);
        }
        var points = MigratoryCsv.ReadPoints(pointsPath!, errors);
        if (points is not { } p)
        {
            return null;
        }
        var file = Path.GetFileName(pointsPath!);
        return new SideInput(file, $"great-circle km between the points of {file}", p.Ids, p.Lines, MantelCorrelation.DistanceMatrix(p.Points));
    }

    /// <summary>For each id of <paramref name="expected"/>, its position in <paramref name="given"/>; an error for
    /// every id one file has and the other lacks.</summary>
    private static int[]? Match(string[] expected, string expectedFile, string role, string[] given, int[] givenLines,
        string givenFile, List<InputError> errors)
    {
        if (ReferenceEquals(expected, given))
        {
            return Enumerable.Range(0, given.Length).ToArray();
        }
        var before = errors.Count;
        var at = IndexOf(given);
        var known = expected.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < given.Length; i++)
        {
            if (!known.Contains(given[i]))
            {
                errors.Add(new InputError(givenFile, givenLines[i], "id", given[i], $"'{given[i]}' is not an {role} region of {expectedFile}"));
            }
        }
        foreach (var id in expected.Where(id => !at.ContainsKey(id)))
        {
            errors.Add(new InputError(givenFile, 0, "id", id, $"the {role} region '{id}' of {expectedFile} has no row in this file"));
        }
        return errors.Count > before ? null : expected.Select(id => at[id]).ToArray();
    }

    /// <summary>psi estimated from the birds needs a bird from every origin: a row without one is undefined.</summary>
    private static void EveryOriginSampled(IReadOnlyList<TrackedIndividual> birds, string[] origins, string file, List<InputError> errors)
    {
        var sampled = birds.Select(b => b.Origin).ToHashSet();
        for (var i = 0; i < origins.Length; i++)
        {
            if (!sampled.Contains(i))
            {
                errors.Add(new InputError(file, 0, "origin", origins[i],
                    $"no individual has origin '{origins[i]}', so its row of psi is undefined; drop the region from the files or merge it with a neighbour"));
            }
        }
    }

    private static Dictionary<string, int> IndexOf(string[] ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

    private static double[,] Permute(double[,] m, int[] order)
    {
        var result = new double[order.Length, order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            for (var k = 0; k < order.Length; k++)
            {
                result[i, k] = m[order[i], order[k]];
            }
        }
        return result;
    }
}
