using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// <see cref="IGpuPrimitives.ClampAlpha"/> on every backend against <see cref="CpuPrimitives.ClampAlpha"/>, on a
/// Lanczos upscale of a photo with a hard-edged alpha (Lanczos lobes push alpha below 0 and above 1 there).
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuClampAlphaTests
{
    /// <summary>A ×2 Lanczos upscale of a photo whose alpha steps from 0 to 1 in a square: alpha overshoots both ways.</summary>
    private static FloatImage Overshooting(int channels)
    {
        using var source = PhotoCrops.Load("coffee", 5, -4, 48, 40, channels);
        if (channels == 4)
        {
            var b = source.Bounds;
            for (int y = b.Y1; y < b.Y2; y++)
                for (int x = b.X1; x < b.X2; x++)
                {
                    float a = x > b.X1 + 12 && x < b.X2 - 12 && y > b.Y1 + 10 && y < b.Y2 - 10 ? 1f : 0f;
                    source.At(x, y, 3) = a;
                    for (int c = 0; c < 3; c++) source.At(x, y, c) *= a;
                }
        }
        var output = new FloatImage(new PixelRect(10, -8, 106, 72), channels);
        LanczosResampler.Resample(source, source.Bounds, output, 2, 2);
        return output;
    }

    [Fact]
    public void The_CPU_clamp_touches_only_the_alpha_of_RGBA()
    {
        using var image = Overshooting(4);
        using var before = image.Clone();
        var alphas = Enumerable.Range(0, image.Pixels.Length / 4).Select(p => image.Pixels[p * 4 + 3]).ToArray();
        Assert.True(alphas.Min() < -1e-3 && alphas.Max() > 1 + 1e-3, "the upscale overshoots alpha both ways");
        CpuPrimitives.ClampAlpha(image);
        for (int i = 0; i < image.Pixels.Length; i++)
            Assert.Equal(i % 4 == 3 ? Math.Clamp(before.Pixels[i], 0f, 1f) : before.Pixels[i], image.Pixels[i]);

        using var rgb = Overshooting(3);
        using var rgbBefore = rgb.Clone();
        CpuPrimitives.ClampAlpha(rgb);
        Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(rgbBefore, rgb));
    }

    public static TheoryData<string, int> Cases => new()
    {
        { GpuBackends.OpenCl, 4 }, { GpuBackends.OpenCl, 3 }, { GpuBackends.OpenCl, 1 },
        { GpuBackends.Cuda, 4 }, { GpuBackends.Cuda, 3 }, { GpuBackends.Cuda, 1 },
    };

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void ClampAlpha_on_the_GPU_matches_the_CPU(string backend, int channels)
    {
        using var image = Overshooting(channels);
        using var session = GpuBackends.Open(backend);
        var device = session.Upload(image);
        CpuPrimitives.ClampAlpha(image);
        session.Primitives.ClampAlpha(device);
        using var actual = session.Download(device);
        Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(image, actual));
    }

    [Fact]
    public void The_CUDA_kernel_on_the_CPU_emulator_matches_the_CPU()
    {
        using var image = Overshooting(4);
        using var context = Context.Create(b => b.CPU());
        using var accelerator = context.CreateCPUAccelerator(0);
        using var buffer = accelerator.Allocate1D(image.Pixels.ToArray());
        int pixels = (int)image.Bounds.Area;
        var kernel = accelerator.LoadKernel(PtxCompiler.KernelMethod(nameof(CudaKernels.ClampAlpha)));
        kernel.Launch(accelerator.DefaultStream, new KernelConfig(new Index3D((pixels + 15) / 16, 1, 1), new Index3D(16, 1, 1)),
            (ArrayView<float>)buffer.View, pixels, 4);
        accelerator.Synchronize();
        CpuPrimitives.ClampAlpha(image);
        using var actual = new FloatImage(image.Bounds, 4);
        buffer.GetAsArray1D().AsSpan(0, actual.Pixels.Length).CopyTo(actual.Pixels);
        Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(image, actual));
    }
}
