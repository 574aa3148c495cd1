using Enhance.Effects.Gpu.Cuda;

// Usage: dotnet run --project tools/ptxgen -- [output folder, default build/ptx]
string folder = args.Length > 0 ? args[0] : Path.Combine("build", "ptx");
Directory.CreateDirectory(folder);
foreach (var kernel in PtxCompiler.Kernels.Values)
{
    string path = Path.Combine(folder, kernel.Method + ".ptx");
    File.WriteAllText(path, kernel.Ptx);
    Console.WriteLine($"{path}: entry {kernel.EntryName}, {kernel.Ptx.Length} characters");
}
