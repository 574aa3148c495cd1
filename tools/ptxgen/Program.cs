using System.Diagnostics;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;

// Writes the CUDA kernels' PTX and says what each kernel source costs before the first CUDA frame, on
// this machine's CPU (the driver's JIT of the PTX comes on top, on the GPU machine: tools/gpu-check.sh).
//   single source: the build's PTX (Gpu/Kernels compiled by clang), read from the assembly;
//   ILGPU:         the C# kernels compiled to PTX by ILGPU, the previous design (ENHANCE_CUDA_KERNELS=ilgpu).
// Usage: dotnet run -c Release --project tools/ptxgen -- [output folder, default build/ptx]
string folder = args.Length > 0 ? args[0] : Path.Combine("build", "ptx");
Directory.CreateDirectory(folder);

var clock = Stopwatch.StartNew();
string ptx = GpuKernelResources.CudaPtx;
var entries = PtxEntries.Parse(ptx);
double singleMs = clock.Elapsed.TotalMilliseconds;
File.WriteAllText(Path.Combine(folder, "enhance-kernels.ptx"), ptx);
Console.WriteLine($"single source: {entries.Count} kernels in one module, {ptx.Length} characters, ready in {singleMs:F1} ms");

clock.Restart();
var ilgpu = PtxCompiler.Kernels;
double ilgpuMs = clock.Elapsed.TotalMilliseconds;
foreach (var kernel in ilgpu.Values)
    File.WriteAllText(Path.Combine(folder, "ilgpu-" + kernel.Method + ".ptx"), kernel.Ptx);
Console.WriteLine($"ILGPU:         {ilgpu.Count} kernels, one module each, {ilgpu.Values.Sum(k => k.Ptx.Length)} characters, compiled in {ilgpuMs:F0} ms");
Console.WriteLine($"first-frame preparation before the driver's JIT: ILGPU / single source = {ilgpuMs / Math.Max(singleMs, 0.001):F0}x");
Console.WriteLine($"written to {folder}");
