using System.Text.RegularExpressions;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The one kernel source and its two forms: the OpenCL C that OpenCL builds at run time and the PTX that
/// clang compiled from it at build time for CUDA. Checked here without a GPU: the PTX defines exactly the
/// kernels the source declares, with the parameters it declares, and needs nothing from outside itself.
/// (That the driver runs it as OpenCL does is for a machine with a GPU: tools/gpu-check.sh.)
/// </summary>
public sealed class SingleSourceKernelTests
{
    private static readonly IReadOnlyDictionary<string, string[]> Ptx = PtxEntries.Parse(GpuKernelResources.CudaPtx);

    [Fact]
    public void The_PTX_defines_exactly_the_kernels_of_the_OpenCL_source()
    {
        var declared = DeclaredKernels().Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.True(declared.Length >= 28, $"only {declared.Length} kernels found in the source");
        Assert.Equal(declared, Ptx.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Every_PTX_parameter_has_the_type_the_source_declares()
    {
        foreach (var (kernel, parameters) in DeclaredKernels())
        {
            var expected = parameters.Select(PtxTypeOf).ToArray();
            Assert.True(expected.SequenceEqual(Ptx[kernel]),
                $"{kernel}: the source declares ({string.Join(", ", parameters)}), the PTX takes ({string.Join(", ", Ptx[kernel])})");
        }
    }

    [Fact]
    public void The_PTX_is_one_self_contained_module_for_any_GPU_from_Pascal_on()
    {
        var ptx = GpuKernelResources.CudaPtx;
        Assert.Contains(".target sm_60", ptx);
        Assert.Contains(".address_size 64", ptx);
        // An unresolved builtin would be an .extern declaration: the driver's JIT would refuse the module.
        Assert.DoesNotContain(".extern", ptx);
        // Division and square root as the CPU computes them (IEEE round-to-nearest), not the fast approximations.
        Assert.DoesNotContain("div.approx", ptx);
        Assert.DoesNotContain("div.full", ptx);
        Assert.DoesNotContain("sqrt.approx", ptx);
    }

    [Fact]
    public void The_OpenCL_program_is_built_from_the_same_source_the_PTX_came_from()
    {
        Assert.Same(GpuKernelResources.OpenClSource, Enhance.Effects.Gpu.OpenCl.OpenClProgram.Source);
        foreach (var file in Directory.GetFiles(KernelFolder(), "*.cl"))
            Assert.Contains(File.ReadAllText(file).Trim(), GpuKernelResources.OpenClSource);
    }

    [Fact]
    public void A_launch_that_disagrees_with_the_PTX_is_caught_before_it_reaches_a_device()
    {
        var copy = Ptx["enhance_clamp_alpha"]; // (float* image, int pixels, int channels)
        Assert.Equal(["u64", "u32", "u32"], copy);
        KernelArgument[] right = [KernelArgument.OfBuffer(0x1000), KernelArgument.Of(16), KernelArgument.Of(4)];
        PtxCheckedKernelDevice.Check("enhance_clamp_alpha", right);
        KernelArgument[] floatForInt = [KernelArgument.OfBuffer(0x1000), KernelArgument.Of(16f), KernelArgument.Of(4)];
        Assert.Throws<InvalidOperationException>(() => PtxCheckedKernelDevice.Check("enhance_clamp_alpha", floatForInt));
        Assert.Throws<InvalidOperationException>(() => PtxCheckedKernelDevice.Check("enhance_clamp_alpha", right.AsSpan(0, 2)));
        Assert.Throws<InvalidOperationException>(() => PtxCheckedKernelDevice.Check("enhance_no_such_kernel", right));
    }

    [Fact]
    public void CUDA_parameters_are_packed_one_8_byte_slot_each_with_scalars_in_the_low_bytes()
    {
        KernelArgument[] arguments = [KernelArgument.OfBuffer(unchecked((nint)0x7f00_1234_5678_9abc)), KernelArgument.Of(-2), KernelArgument.Of(1.5f)];
        var slots = new ulong[3];
        CudaKernelDevice.Pack(arguments, slots);
        Assert.Equal(0x7f00_1234_5678_9abcUL, slots[0]);
        Assert.Equal(0xffff_fffeUL, slots[1]); // -2 as .u32; the upper bytes are never read
        Assert.Equal((ulong)BitConverter.SingleToUInt32Bits(1.5f), slots[2]);
    }

    [CudaFact]
    public void On_a_GPU_the_driver_loads_the_PTX_and_resolves_every_kernel()
    {
        using var host = CudaTestHost.TryCreate(out var reason) ?? throw new InvalidOperationException($"no CUDA host where CudaFact found CUDA: {reason}");
        var modules = CudaModuleCache.GetOrLoad(host.Driver, host.Context, CudaKernelSource.SingleSource);
        foreach (var kernel in Ptx.Keys)
            Assert.NotEqual(0, modules.Function(kernel));
    }

    [Theory]
    [InlineData(null, CudaKernelSource.SingleSource)]
    [InlineData("", CudaKernelSource.SingleSource)]
    [InlineData("single", CudaKernelSource.SingleSource)]
    [InlineData("ilgpu", CudaKernelSource.Ilgpu)]
    [InlineData(" ILGPU ", CudaKernelSource.Ilgpu)]
    public void The_ILGPU_kernels_are_only_chosen_by_name(string? value, CudaKernelSource expected) =>
        Assert.Equal(expected, CudaKernelChoice.Parse(value));

    /// <summary>Each <c>__kernel void name(…)</c> of the source with its parameter declarations.</summary>
    private static Dictionary<string, string[]> DeclaredKernels()
    {
        var kernels = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(GpuKernelResources.OpenClSource, @"__kernel\s+void\s+(\w+)\s*\(([^)]*)\)"))
            kernels.Add(m.Groups[1].Value, m.Groups[2].Value.Split(',').Select(p => Regex.Replace(p, @"\s+", " ").Trim()).ToArray());
        return kernels;
    }

    /// <summary>How clang's nvptx back end passes an OpenCL C parameter: pointers as .u64, 32-bit scalars by type.</summary>
    private static string PtxTypeOf(string declaration) =>
        declaration.Contains('*') ? "u64"
        : declaration.StartsWith("float ", StringComparison.Ordinal) ? "f32"
        : declaration.StartsWith("int ", StringComparison.Ordinal) || declaration.StartsWith("uint ", StringComparison.Ordinal) ? "u32"
        : throw new InvalidOperationException($"No PTX type known for the parameter '{declaration}'.");

    private static string KernelFolder() => Path.Combine(RepoPaths.Root, "src", "Effects", "Gpu", "Kernels");
}
