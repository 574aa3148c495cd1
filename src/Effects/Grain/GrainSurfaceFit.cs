namespace Enhance.Effects.Grain;

/// <summary>
/// What removing a block's least-squares quadratic surface does to grain, so the estimator can undo
/// it. The surface is spanned by products u(x)·v(y) of the orthogonal 1-D functions {1, x, x² − c};
/// grain with separable autocorrelation has covariance C = Rx ⊗ Ry. The residual covariance is
/// (I − P) C (I − P), P the projection on the surface; every term is a Kronecker product of 32 × 32
/// matrices, so its variance share and its autocorrelation at each lag are cheap to compute exactly.
/// </summary>
internal static class GrainSurfaceFit
{
    private const int Size = GrainBlockMeasure.Size;
    private const int Samples = Size * Size;

    /// <summary>The surface's basis as (index along x, index along y) into <see cref="Basis"/>.</summary>
    public static readonly (int U, int V)[] Terms = [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)];

    /// <summary>1, x and x² − mean(x²) over a block's columns, x centred: mutually orthogonal (not normalised).</summary>
    public static readonly double[][] Basis = CreateBasis();

    /// <summary>Σ basis[u][x]² over a row, per basis function.</summary>
    public static readonly double[] BasisNorms = Basis.Select(b => b.Sum(v => v * v)).ToArray();

    private static readonly double[][] UnitBasis = Basis.Select(b => { double n = Math.Sqrt(b.Sum(v => v * v)); return b.Select(v => v / n).ToArray(); }).ToArray();

    /// <summary>Fraction of the grain's variance left after the fit (1 − tr(P C) / N).</summary>
    public static double Retention(IReadOnlyList<double> rho) => ResidualAutocovariance(rho)[0];

    /// <summary>
    /// Normalised autocorrelation the estimator measures on fitted blocks, for grain whose true
    /// autocorrelation is <paramref name="rho"/> (the same mean of x and y lags the blocks report).
    /// </summary>
    public static double[] MeasuredAutocorrelation(IReadOnlyList<double> rho)
    {
        var covariance = ResidualAutocovariance(rho);
        return covariance.Select(c => c / covariance[0]).ToArray();
    }

    /// <summary>
    /// The true autocorrelation whose fitted-block measurement is <paramref name="measured"/>: the
    /// fit removes the grain's low frequencies, pulling measured correlation down at longer lags
    /// (and the measured width with it). Fixed-point iteration on the forward model, which is close to
    /// the identity, converges in a few steps.
    /// </summary>
    public static double[] UndoFit(IReadOnlyList<double> measured)
    {
        var truth = measured.ToArray();
        for (int iteration = 0; iteration < 20; iteration++)
        {
            var predicted = MeasuredAutocorrelation(truth);
            for (int k = 1; k < truth.Length; k++)
                truth[k] = Math.Clamp(truth[k] + measured[k] - predicted[k], -1, 1);
        }
        return truth;
    }

    /// <summary>Per-sample autocovariance of the fitted residual at lags 0..rho.Count − 1 (unit-variance grain).</summary>
    private static double[] ResidualAutocovariance(IReadOnlyList<double> rho)
    {
        int lags = rho.Count;
        var r = new double[Size, Size];
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
                r[i, j] = Math.Abs(i - j) < lags ? rho[Math.Abs(i - j)] : 0;
        var e = UnitBasis;
        // Re[b] = R e_b and the 1-D forms e_aᵀ R e_b.
        var re = new double[3][];
        var form = new double[3, 3];
        for (int b = 0; b < 3; b++)
        {
            re[b] = new double[Size];
            for (int i = 0; i < Size; i++)
                for (int j = 0; j < Size; j++) re[b][i] += r[i, j] * e[b][j];
        }
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                for (int i = 0; i < Size; i++) form[a, b] += e[a][i] * re[b][i];

        var result = new double[lags];
        for (int k = 0; k < lags; k++)
        {
            // Mean over x of A[x, x + k] for the x-factor A of each term; the y-factor enters by its
            // trace / Size (pairs along a row share y).
            double Diagonal(Func<int, double> entry)
            {
                double sum = 0;
                for (int x = 0; x + k < Size; x++) sum += entry(x);
                return sum / (Size - k);
            }
            double value = Diagonal(x => r[x, x + k]); // C; the y-factor R has trace / Size = ρ(0) = 1
            foreach (var (u, v) in Terms)
            {
                double yTrace = form[v, v] / Size;
                value -= yTrace * Diagonal(x => e[u][x] * re[u][x + k]); // P C
                value -= yTrace * Diagonal(x => re[u][x] * e[u][x + k]); // C P
                foreach (var (u2, v2) in Terms)
                    if (v2 == v) value += form[u, u2] * yTrace * Diagonal(x => e[u][x] * e[u2][x + k]); // P C P
            }
            result[k] = value;
        }
        return result;
    }

    private static double[][] CreateBasis()
    {
        double centre = (Size - 1) / 2.0, meanSquare = 0;
        for (int i = 0; i < Size; i++) meanSquare += (i - centre) * (i - centre) / Size;
        var one = new double[Size]; var linear = new double[Size]; var square = new double[Size];
        for (int i = 0; i < Size; i++)
        {
            double x = i - centre;
            one[i] = 1; linear[i] = x; square[i] = x * x - meanSquare;
        }
        return [one, linear, square];
    }
}
