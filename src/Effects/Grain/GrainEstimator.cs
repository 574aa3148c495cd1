using System.Buffers;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Grain;

/// <summary>
/// Measures the grain of a source frame (see README.md in this folder for the method):
/// 1. cut the frame into 32×32 blocks and remove each block's best-fit quadratic surface per channel (a local
///    denoise: what is left in a flat area is grain);
/// 2. sort blocks into 8 intensity bands by their mean luma in the working space;
/// 3. in each band find the noise floor (per channel and on luma): the variance level the flattest blocks share, by an
///    iterated clip that keeps blocks no more than 2.5 sampling deviations above it (textured
///    blocks sit above the floor and drop out; the grain alone cannot push a block that far);
/// 4. per channel strength = residual variance of the kept blocks, corrected for what the surface
///    fit removes of a correlated grain; spatial correlation = the kept blocks' autocorrelation with
///    the fit's effect undone (<see cref="GrainSurfaceFit"/>);
///    channel correlation = their pooled inter-channel correlation.
/// </summary>
public static class GrainEstimator
{
    public const int BandCount = 8;

    /// <summary>A band with fewer flat blocks than this is left out of the profile (too few to trust).</summary>
    public const int MinBlocksPerBand = 8;

    /// <summary>How far above the noise floor, in sampling standard deviations, a block may sit and still count as flat.</summary>
    private const double FloorClip = 2.5;

    /// <summary>
    /// Estimates the grain of <paramref name="source"/> (a whole frame, RGB or RGBA premultiplied).
    /// </summary>
    /// <param name="space">Working space to measure in; render with the same (the profile records it).</param>
    /// <param name="frameHeight">Height of the frame the image covers, in its pixels (defaults to the image height).</param>
    public static GrainProfile Estimate(FloatImage source, GrainSpace space = GrainSpace.Linear, int? frameHeight = null)
    {
        if (source.Channels is not (3 or 4))
            throw new ArgumentException($"Grain estimation needs RGB or RGBA, got {source.Channels} channels.", nameof(source));
        var blocks = MeasureBlocks(source, space);
        int height = frameHeight ?? source.Height;

        // Sampling spread of a noise-only block's variance needs the grain's correlation: take it
        // from the flattest fifth of all blocks first.
        var flattest = blocks.OrderBy(b => b.LumaVariance).Take(Math.Max(1, blocks.Count / 5)).ToList();
        var firstRho = Autocorrelation(flattest);
        double relativeSpread = VarianceSpread(firstRho);

        var grainLike = WithoutTexture(blocks, firstRho, relativeSpread);

        var kept = new List<GrainBlockMeasure>();
        var bandBlocks = new List<List<GrainBlockMeasure>[]>();
        foreach (var band in grainLike.GroupBy(BandOf).OrderBy(g => g.Key))
        {
            // The floor is found per channel as well as on luma: texture or compression noise can sit
            // in one channel only (blue in JPEG shadows) where luma barely sees it.
            var members = band.ToList();
            var floors = new List<GrainBlockMeasure>[4];
            for (int c = 0; c < 3; c++) floors[c] = NoiseFloorBlocks(members, b => b.Variance[c], relativeSpread);
            floors[3] = NoiseFloorBlocks(members, b => b.LumaVariance, relativeSpread);
            if (floors.Any(f => f.Count < MinBlocksPerBand)) continue;
            bandBlocks.Add(floors);
            kept.AddRange(floors[3]);
        }

        // The blocks' autocorrelation is that of the grain after the surface fit; undo the fit's
        // effect to get the grain's own (its width and the variance share the fit removed).
        var rho = GrainSurfaceFit.UndoFit(kept.Count > 0 ? Autocorrelation(kept) : firstRho);
        double retention = GrainSurfaceFit.Retention(rho);
        var bands = bandBlocks.Select(b => BandStrength(b, retention)).ToList();
        return new GrainProfile
        {
            FrameHeight = height,
            Space = space,
            Bands = bands,
            CorrelationWidth = GrainKernel.AutocorrelationWidth(rho),
            ChannelCorrelation = ChannelCorrelation(kept),
            Autocorrelation = rho,
        };
    }

    /// <summary>
    /// One profile for a frame range: band strengths averaged by variance weighted by block counts,
    /// autocorrelation and channel correlation weighted by each frame's flat blocks.
    /// </summary>
    public static GrainProfile Merge(IReadOnlyList<GrainProfile> profiles)
    {
        if (profiles.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(profiles));
        var first = profiles[0];
        if (profiles.Any(p => p.FrameHeight != first.FrameHeight || p.Space != first.Space))
            throw new ArgumentException("Profiles measured at different frame heights or spaces cannot be merged.", nameof(profiles));
        var bands = profiles.SelectMany(p => p.Bands)
            .GroupBy(b => Math.Clamp((int)Math.Floor(b.Intensity * BandCount), 0, BandCount - 1))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                double n = g.Sum(b => b.Blocks);
                double Pool(Func<GrainBand, double> channel) => Math.Sqrt(g.Sum(b => b.Blocks * channel(b) * channel(b)) / n);
                return new GrainBand(g.Sum(b => b.Blocks * b.Intensity) / n, Pool(b => b.Red), Pool(b => b.Green), Pool(b => b.Blue), (int)n);
            }).ToList();
        double total = Math.Max(1, profiles.Sum(p => p.Bands.Sum(b => b.Blocks)));
        double Weight(GrainProfile p) => p.Bands.Sum(b => b.Blocks) / total;
        var rho = new double[GrainKernel.MaxLag + 1];
        foreach (var p in profiles)
            for (int k = 0; k < rho.Length && k < p.Autocorrelation.Count; k++) rho[k] += Weight(p) * p.Autocorrelation[k];
        return new GrainProfile
        {
            FrameHeight = first.FrameHeight,
            Space = first.Space,
            Bands = bands,
            CorrelationWidth = GrainKernel.AutocorrelationWidth(rho),
            ChannelCorrelation = profiles.Sum(p => Weight(p) * p.ChannelCorrelation),
            Autocorrelation = rho,
        };
    }

    private static List<GrainBlockMeasure> MeasureBlocks(FloatImage source, GrainSpace space)
    {
        int size = GrainBlockMeasure.Size;
        int columns = source.Width / size, rows = source.Height / size;
        var measures = new GrainBlockMeasure?[columns * rows];
        // Bands of block rows (each block row is `size` pixel rows of the full width).
        RowBands.For(0, rows, columns * size * size, (row1, row2) =>
        {
            float[] scratch = ArrayPool<float>.Shared.Rent(4 * GrainBlockMeasure.Samples);
            try
            {
                for (int row = row1; row < row2; row++)
                    for (int column = 0; column < columns; column++)
                        measures[row * columns + column] = GrainBlockMeasure.Measure(
                            source, source.Bounds.X1 + column * size, source.Bounds.Y1 + row * size, space, scratch);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        });
        // Kept in block order, so everything downstream is the same whatever the thread timing.
        return measures.Where(m => m is not null).Select(m => m!).ToList();
    }

    /// <summary>
    /// Drops blocks whose residual stays correlated beyond the grain's reach. Grain decorrelates
    /// within a few pixels; image texture left after the surface fit (fur, foliage, fabric) does not,
    /// so a block's normalised autocorrelation a little past the grain's width rises with the share
    /// of texture in it. Blocks more than <see cref="FloorClip"/> sampling deviations above the grain's
    /// own value there are texture, whatever their variance.
    /// </summary>
    private static List<GrainBlockMeasure> WithoutTexture(List<GrainBlockMeasure> blocks, double[] grainRho, double relativeSpread)
    {
        int first = 2;
        while (first < GrainKernel.MaxLag - 3 && grainRho[first] > 0.2) first++;
        int last = Math.Min(first + 3, GrainKernel.MaxLag);
        double Tail(double[] rho0, double zero)
        {
            double sum = 0;
            for (int k = first; k <= last; k++) sum += rho0[k];
            return sum / (zero * (last - first + 1));
        }
        double grainTail = Tail(grainRho, 1);
        // A correlation estimate from one block spreads like its variance estimate, over √2.
        double limit = grainTail + FloorClip * relativeSpread / Math.Sqrt(2);
        return blocks.Where(b => b.Autocovariance[0] > 0 && Tail(b.Autocovariance, b.Autocovariance[0]) <= limit).ToList();
    }

    private static int BandOf(GrainBlockMeasure block) =>
        Math.Clamp((int)Math.Floor(block.Intensity * BandCount), 0, BandCount - 1);

    /// <summary>
    /// The blocks at the band's noise floor. Start from the lower quartile of block variances and
    /// iterate est ← mean{v ≤ est·(1 + 2.5·spread)}: from below, the estimate only rises, and it stops
    /// where the kept blocks' mean equals the floor, i.e. at the grain's variance when noise-only
    /// blocks are present; blocks carrying texture as well lie above the clip and are dropped.
    /// </summary>
    private static List<GrainBlockMeasure> NoiseFloorBlocks(List<GrainBlockMeasure> band, Func<GrainBlockMeasure, double> variance, double relativeSpread)
    {
        var sorted = band.OrderBy(variance).ToList();
        double estimate = variance(sorted[sorted.Count / 4]);
        var kept = sorted;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double clip = estimate * (1 + FloorClip * relativeSpread);
            kept = sorted.TakeWhile(b => variance(b) <= clip).ToList();
            if (kept.Count == 0) break;
            double next = kept.Average(variance);
            if (Math.Abs(next - estimate) <= 1e-9 * estimate) break;
            estimate = next;
        }
        return kept;
    }

    /// <summary>
    /// Relative standard deviation of one block's variance for Gaussian grain of correlation rho:
    /// Var(s²)/σ⁴ = 2 Σ_lags ρ² / N, with the 2-D correlation the product of the 1-D one along x and y.
    /// </summary>
    private static double VarianceSpread(IReadOnlyList<double> rho)
    {
        double sum = 1;
        for (int k = 1; k < rho.Count; k++) sum += 2 * rho[k] * rho[k];
        return Math.Sqrt(2 * sum * sum / GrainBlockMeasure.Samples);
    }

    private static double[] Autocorrelation(IReadOnlyList<GrainBlockMeasure> blocks)
    {
        var sums = new double[GrainKernel.MaxLag + 1];
        foreach (var b in blocks)
            for (int k = 0; k < sums.Length; k++) sums[k] += b.Autocovariance[k];
        var rho = new double[sums.Length];
        for (int k = 0; k < sums.Length; k++) rho[k] = sums[0] > 0 ? sums[k] / sums[0] : (k == 0 ? 1 : 0);
        return rho;
    }

    /// <summary>Strength per channel from that channel's floor blocks; intensity and count from the luma floor's.</summary>
    private static GrainBand BandStrength(List<GrainBlockMeasure>[] floors, double retention)
    {
        double Strength(int c) => Math.Sqrt(floors[c].Average(b => b.Variance[c]) / retention);
        return new GrainBand(floors[3].Average(b => b.Intensity), Strength(0), Strength(1), Strength(2), floors[3].Count);
    }

    private static double ChannelCorrelation(IReadOnlyList<GrainBlockMeasure> blocks)
    {
        if (blocks.Count == 0) return 0;
        double Sum(Func<GrainBlockMeasure, double> f) => blocks.Sum(f);
        double r = Sum(b => b.Variance[0]), g = Sum(b => b.Variance[1]), bl = Sum(b => b.Variance[2]);
        double rg = Sum(b => b.Covariance[0]) / Math.Sqrt(r * g);
        double gb = Sum(b => b.Covariance[1]) / Math.Sqrt(g * bl);
        double rb = Sum(b => b.Covariance[2]) / Math.Sqrt(r * bl);
        return Math.Clamp((rg + gb + rb) / 3, 0, 1);
    }
}
