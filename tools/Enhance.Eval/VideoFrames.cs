using System.Diagnostics;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.Eval;

/// <summary>
/// The frames of a clip for an evaluation: a folder of pictures (PNG/JPEG/TIFF, in name order), or a
/// video file decoded by the ffmpeg on PATH to 8-bit RGB exactly as it comes (no resampling), so a
/// clip nobody on the team has seen can be measured as it is, without preparing it first.
/// </summary>
internal static class VideoFrames
{
    /// <summary>Up to <paramref name="count"/> frames from frame <paramref name="first"/> (0 = the first) of <paramref name="clip"/>, 3 channels.</summary>
    public static List<FloatImage> Load(string clip, int first, int count)
    {
        if (Directory.Exists(clip))
            return Pictures(clip).Skip(first).Take(count).Select(f => ImageFiles.Load(f, 3)).ToList();
        if (!File.Exists(clip)) throw new FileNotFoundException($"No folder or video {clip}.", clip);

        string folder = Directory.CreateTempSubdirectory("enhance-eval-clip-").FullName;
        try
        {
            Ffmpeg($"-v error -i \"{clip}\" -vf \"select='between(n\\,{first}\\,{first + count - 1})'\" -fps_mode passthrough " +
                   $"-pix_fmt rgb24 \"{Path.Combine(folder, "f%05d.png")}\"");
            var frames = Pictures(folder).Select(f => ImageFiles.Load(f, 3)).ToList();
            if (frames.Count < 2) throw new InvalidOperationException($"{clip}: {frames.Count} frames decoded from frame {first}; a flicker measure needs two or more.");
            return frames;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> Pictures(string folder) =>
        Directory.GetFiles(folder).Where(f => f.EndsWith(".png") || f.EndsWith(".jpg") || f.EndsWith(".tif")).Order();

    private static void Ffmpeg(string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install ffmpeg).");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {arguments}: {errors}");
    }
}
