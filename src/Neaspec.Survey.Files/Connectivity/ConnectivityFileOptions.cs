using System.Globalization;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>Options of <see cref="ConnectivityFiles.Run"/>, one per command-line option.</summary>
public sealed record ConnectivityFileOptions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>NODES.csv: id,lon,lat,attribute and an optional country column.</summary>
    public required string NodesPath { get; init; }

    /// <summary>EDGES.csv: from,to,p; null builds a distance-decay network from the coordinates.</summary>
    public string? EdgesPath { get; init; }

    /// <summary>d0 values in km; one analysis per value. Required without edges, refused with them.</summary>
    public IReadOnlyList<double> DistancesKm { get; init; } = [];

    /// <summary>p0, the probability at d0 (default 0.5).</summary>
    public double Probability { get; init; } = 0.5;

    /// <summary>Distance-decay links with p below this are pruned (default 0: none).</summary>
    public double MinimumProbability { get; init; }

    /// <summary>A_L; null means the sum of the attributes.</summary>
    public double? AreaTotal { get; init; }

    /// <summary>Edges are directed (from -> to only).</summary>
    public bool Directed { get; init; }

    /// <summary>Output folder; created when missing.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>What is wrong with the options on their own or together, before any file is read.</summary>
    internal List<InputError> Check()
    {
        var errors = new List<InputError>();
        void Bad(string option, object? value, string reason) =>
            errors.Add(new InputError("options", 0, option, Convert.ToString(value, Invariant) ?? "", reason));

        if (!File.Exists(NodesPath))
        {
            Bad("--nodes", NodesPath, "no such file");
        }
        if (EdgesPath is not null && !File.Exists(EdgesPath))
        {
            Bad("--edges", EdgesPath, "no such file");
        }
        if (EdgesPath is not null && DistancesKm.Count > 0)
        {
            Bad("--distance-km", string.Join(",", DistancesKm.Select(d => d.ToString(Invariant))),
                "an edges file gives the link probabilities; give either --edges or --distance-km");
        }
        if (EdgesPath is null && DistancesKm.Count == 0)
        {
            Bad("--distance-km", "", "without --edges the links come from distance decay and need d0 in km");
        }
        if (DistancesKm.Any(d => !(d > 0) || double.IsInfinity(d)))
        {
            Bad("--distance-km", string.Join(",", DistancesKm), "distances must be positive numbers of km");
        }
        if (!(Probability > 0 && Probability < 1))
        {
            Bad("--probability", Probability, "p0 must be strictly between 0 and 1");
        }
        if (!(MinimumProbability >= 0 && MinimumProbability < 1))
        {
            Bad("--min-probability", MinimumProbability, "must be in [0, 1)");
        }
        if (AreaTotal is { } area && (!(area > 0) || double.IsInfinity(area)))
        {
            Bad("--area-total", area, "A_L must be a positive number");
        }
        if (Directed && EdgesPath is null)
        {
            Bad("--directed", "true", "only an edges file can be directed; distance decay is symmetric");
        }
        return errors;
    }
}
