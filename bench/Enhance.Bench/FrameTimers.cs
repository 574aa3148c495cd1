using System.Diagnostics;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;

namespace Enhance.Bench;

/// <summary>
/// Whole-frame timers for bench/plugin-frame-bench.sh, which compares them with the same work done
/// through the real bundle in the reference host: `Enhance.Bench frame-lanczos W H SCALE` and
/// `Enhance.Bench frame-ort MODEL.onnx W H`. Each prints the median of several warm runs in ms.
/// </summary>
internal static class FrameTimers
{
    public static int Run(string[] args)
    {
        switch (args[0])
        {
            case "frame-lanczos":
            {
                int w = int.Parse(args[1]), h = int.Parse(args[2]);
                double scale = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
                using var source = Pattern(PixelRect.FromSize(w, h), 4);
                var outRect = PixelRect.FromSize((int)Math.Ceiling(w * scale), (int)Math.Ceiling(h * scale));
                using var destination = new FloatImage(outRect, 4);
                Console.WriteLine($"{Median(9, () => LanczosResampler.Resample(source, source.Bounds, destination, scale, scale)):F1}");
                return 0;
            }
            case "frame-ort":
            {
                using var model = SuperResolutionModel.Load(args[1], ExecutionProvider.Cpu);
                int w = int.Parse(args[2]), h = int.Parse(args[3]);
                var input = new float[3 * w * h];
                for (int i = 0; i < input.Length; i++) input[i] = (i * 7919 % 1000) / 1000f;
                var output = new float[input.Length * model.Scale * model.Scale];
                Console.WriteLine($"{Median(3, () => model.Run(input, h, w, output)):F1}");
                return 0;
            }
            default:
                return -1;
        }
    }

    private static double Median(int runs, Action work)
    {
        work(); // warm: JIT, pools, ORT's first-run allocations
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static FloatImage Pattern(PixelRect bounds, int channels)
    {
        var image = new FloatImage(bounds, channels);
        var p = image.Pixels;
        for (int i = 0; i < p.Length; i++) p[i] = (i * 7919 % 1000) / 1000f;
        return image;
    }
}
