using System.Text.RegularExpressions;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The CUDA layer up to the point a GPU is needed: PTX generation (no GPU needed), the argument
/// block that must match ILGPU's parameter layout, and graceful unavailability.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed partial class CudaLayerTests
{
    [Fact]
    public void Every_kernel_compiles_to_PTX_with_its_entry_point()
    {
        var kernels = PtxCompiler.Kernels;
        Assert.Equal(PtxCompiler.KernelNames.Count, kernels.Count);
        foreach (var name in new[] { "Copy", "ResampleHorizontal", "ResampleVertical", "AddDetail", "ToPlanarFloat", "ToPlanarHalf", "FromPlanarFloat", "FromPlanarHalf", "GrainHorizontal", "GrainVertical", "GrainCombine" })
        {
            var kernel = kernels[name];
            Assert.Contains(".target sm_60", kernel.Ptx);
            Assert.Contains(".visible .entry " + kernel.EntryName + "(", kernel.Ptx);
            Assert.Contains(name, kernel.EntryName);
        }
    }

    [Fact]
    public void PTX_parameters_are_exactly_the_method_parameters_with_views_as_16_byte_pairs()
    {
        // CudaKernelArguments packs one slot per C# parameter, a view as {pointer, length}; an
        // extra hidden parameter or another view layout from ILGPU would scramble every launch.
        foreach (var (name, kernel) in PtxCompiler.Kernels)
        {
            var method = PtxCompiler.KernelMethod(name);
            var declared = ParameterList().Match(kernel.Ptx).Groups[1].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var parameters = method.GetParameters();
            Assert.Equal(parameters.Length, declared.Length);
            for (int i = 0; i < parameters.Length; i++)
            {
                bool isView = parameters[i].ParameterType.Name.StartsWith("ArrayView", StringComparison.Ordinal);
                if (isView) Assert.Matches(@"^\.param \.align 8 \.b8 \S+\[16\]$", declared[i]);
                else Assert.Matches(parameters[i].ParameterType == typeof(float) ? @"^\.param \.f32 " : @"^\.param \.b32 ", declared[i]);
            }
        }
    }

    [Fact]
    public unsafe void The_argument_block_holds_each_value_behind_its_own_pointer()
    {
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers).View(unchecked((nint)0x7000_1234_5678), 99).Int(-5).Float(2.5f);
        Assert.Equal(3, args.Count);
        Assert.Equal(0x7000_1234_5678UL, *(ulong*)args.Pointers[0]);
        Assert.Equal(99L, *(long*)(args.Pointers[0] + 8));
        Assert.Equal(-5, *(int*)args.Pointers[1]);
        Assert.Equal(2.5f, *(float*)args.Pointers[2]);
        Assert.All(args.Pointers.ToArray(), p => Assert.Equal(0, p % 8));
    }

    [Fact]
    public void A_missing_driver_library_is_reported_not_thrown()
    {
        var driver = CudaDriver.TryLoad("libcuda-enhance-test-missing.so.1", out var reason);
        Assert.Null(driver);
        Assert.Contains("libcuda-enhance-test-missing.so.1", reason);
    }

    [Fact]
    public void The_shared_driver_agrees_with_the_machine()
    {
        var driver = CudaDriver.TryGet(out var reason);
        bool libraryPresent = System.Runtime.InteropServices.NativeLibrary.TryLoad(CudaDriver.LibraryName, out _);
        if (!libraryPresent) Assert.Null(driver);
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Equal(driver is not null, GpuSupport.Current.Cuda);
        if (driver is not null) Assert.True(driver.DriverVersion > 0);
    }

    [GeneratedRegex(@"\.entry \S+\(\s*([^)]*)\)", RegexOptions.Singleline)]
    private static partial Regex ParameterList();
}
