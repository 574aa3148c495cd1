using Enhance.EndToEnd.Tests;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.GpuCheck;
using Enhance.TestSupport;

// gpu-check's runner (see the project file):
//   GpuCheck.Runner tests [--skip-rows-with VALUE] [--skip-method NAME]... CLASS...   run test classes; exit 1 if any failed
//   GpuCheck.Runner frame PHOTO WIDTH HEIGHT OUT.pfm             a real photo resized (Lanczos) to one benchmark frame
if (args.Length >= 1 && args[0] == "tests")
{
    var skipped = new List<string>();
    var skippedMethods = new List<string>();
    var classes = new List<string>();
    for (int i = 1; i < args.Length; i++)
    {
        if (args[i] == "--skip-rows-with" && i + 1 < args.Length) skipped.Add(args[++i]);
        else if (args[i] == "--skip-method" && i + 1 < args.Length) skippedMethods.Add(args[++i]);
        else classes.Add(args[i]);
    }
    var runner = new TestClassRunner(
        [typeof(Enhance.Effects.Tests.Gpu.GpuTestSession).Assembly, typeof(GpuModeTests).Assembly], skipped, skippedMethods);
    foreach (var name in classes) runner.RunClass(name);
    Console.WriteLine($"gpu-check tests: {runner.Passed} passed, {runner.Failed} failed, {runner.Skipped} skipped");
    return runner.Failed == 0 && runner.Passed > 0 ? 0 : 1;
}
if (args.Length == 5 && args[0] == "frame")
{
    int width = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    int height = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
    using var photo = ImageFiles.Load(TestImages.Photo(args[1]), 3);
    using var frame = new FloatImage(new PixelRect(0, 0, width, height), 3);
    LanczosResampler.Resample(photo, photo.Bounds, frame, (double)width / photo.Width, (double)height / photo.Height);
    GpuModeImages.Write(frame, args[4]);
    return 0;
}
Console.Error.WriteLine("usage: GpuCheck.Runner tests [--skip-rows-with VALUE] [--skip-method NAME]... CLASS... | frame PHOTO WIDTH HEIGHT OUT.pfm");
return 2;
