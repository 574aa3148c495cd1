using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

// Purge() is process-wide: these tests must not run alongside others that purge.
[Collection(nameof(ModelCacheTests))]
public class ModelCacheTests
{
    private static string FreshModel() => OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(2), "cache_x2.onnx");

    [Fact]
    public void EveryRequestForAModelSharesOneSession()
    {
        string path = FreshModel();
        var models = new SuperResolutionModel[16];
        var leases = new ModelLease[16];
        Parallel.For(0, 16, i => { leases[i] = ModelCache.Acquire(path, ExecutionProvider.Cpu); models[i] = leases[i].Model; });
        try
        {
            Assert.All(models, m => Assert.Same(models[0], m));
        }
        finally
        {
            foreach (var lease in leases) lease.Dispose();
        }
    }

    [Fact]
    public void ConcurrentRendersShareTheModelAndMatchSequentialOnes()
    {
        using var photo = Photo("Wood", 4, maxSide: 160);
        using var lease = ModelCache.Acquire(FreshModel(), ExecutionProvider.Cpu);
        var s = new UpscaleSettings { ScaleX = 2.5, ScaleY = 2.5, Model = lease.Model, MemoryBudgetMiB = 8 };
        var full = OutputBounds(photo.Bounds, 2.5, 2.5);
        // Eight horizontal bands, as a host rendering one frame on eight threads would ask.
        var bands = Enumerable.Range(0, 8)
            .Select(i => new PixelRect(full.X1, full.Y1 + i * full.Height / 8, full.X2, full.Y1 + (i + 1) * full.Height / 8))
            .ToArray();
        var sequential = bands.Select(b => Render(photo, b, s)).ToArray();
        var parallel = new FloatImage[bands.Length];

        Parallel.For(0, bands.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Render(photo, bands[i], s));

        for (int i = 0; i < bands.Length; i++)
        {
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(parallel[i], sequential[i]));
            parallel[i].Dispose(); sequential[i].Dispose();
        }
    }

    [Fact]
    public void PurgeFreesModelsButNotUnderARenderInFlight()
    {
        string path = FreshModel();
        var held = ModelCache.Acquire(path, ExecutionProvider.Cpu);
        ModelCache.Purge();
        Assert.Equal(0, ModelCache.Count);

        // The leased model still runs after the purge...
        var result = new float[3 * 8 * 8];
        held.Model.Run(new float[3 * 16], 4, 4, result);
        // ...a new request loads a fresh one...
        using (var fresh = ModelCache.Acquire(path, ExecutionProvider.Cpu))
            Assert.NotSame(held.Model, fresh.Model);
        // ...and the purged one is freed when its last lease ends.
        var purged = held.Model;
        held.Dispose();
        Assert.ThrowsAny<ObjectDisposedException>(() => purged.Run(new float[3 * 16], 4, 4, result));
    }

    [Fact]
    public void AFailedLoadIsRetriedOnceTheFileIsFixed()
    {
        string path = OnnxTestModels.Save(OnnxTestModels.Truncated(), "being_copied.onnx");
        Assert.Throws<ModelLoadException>(() => ModelCache.Acquire(path, ExecutionProvider.Cpu));

        File.WriteAllBytes(path, OnnxTestModels.SharpeningUpsampler(2));

        using var lease = ModelCache.Acquire(path, ExecutionProvider.Cpu);
        Assert.Equal(2, lease.Model.Scale);
    }
}

[CollectionDefinition(nameof(ModelCacheTests), DisableParallelization = true)]
public class ModelCacheTestsCollection;
