namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// The inverse of a site's serial correlation matrix R_i, restricted to the years it was counted.
/// </summary>
/// <remarks>
/// TRIM's serial correlation is first-order autoregressive: corr(f_ij, f_ik) = ρ^|j-k| (TRIM 3 manual,
/// "Overdispersion and serial correlation"), and R_i keeps the rows and columns of the counted years.
/// Those years still form a Markov chain (the correlation across a gap of g years is ρ^g), so R_i⁻¹ is
/// tridiagonal with a closed form: with φ_k = ρ^(t_k+1 - t_k) between consecutive counted years,
/// (R⁻¹)_kk = 1 + Σ_neighbours φ²/(1 - φ²) and (R⁻¹)_k,k+1 = -φ_k/(1 - φ_k²). This is exactly the inverse
/// that TRIM and rtrim compute by dense inversion (a test checks it against one), in O(n) instead of O(n³)
/// per site, and it keeps Ω_i tridiagonal for the products that follow.
/// </remarks>
internal static class Ar1Precision
{
    /// <summary>Writes R⁻¹ for counted years <paramref name="times"/> (ascending) into
    /// <paramref name="diagonal"/> (n) and <paramref name="offDiagonal"/> (element k couples k and k+1).</summary>
    public static void Fill(ReadOnlySpan<int> times, double rho, Span<double> diagonal, Span<double> offDiagonal)
    {
        diagonal[..times.Length].Fill(1);
        for (var k = 0; k + 1 < times.Length; k++)
        {
            var phi = Math.Pow(rho, times[k + 1] - times[k]);
            var share = 1 / (1 - (phi * phi));
            diagonal[k] += (phi * phi) * share;
            diagonal[k + 1] += (phi * phi) * share;
            offDiagonal[k] = -phi * share;
        }
        if (times.Length > 0)
        {
            offDiagonal[times.Length - 1] = 0;
        }
    }
}
