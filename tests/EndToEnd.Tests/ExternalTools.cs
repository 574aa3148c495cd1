using System.Diagnostics;

namespace Enhance.EndToEnd.Tests;

/// <summary>Independent references made by other programs (OpenImageIO's oiiotool).</summary>
public static class ExternalTools
{
    /// <summary>Resizes with OpenImageIO's Lanczos-3 to an exact size, writing float TIFF.</summary>
    public static void OiioLanczosResize(string input, string output, int width, int height)
    {
        var start = new ProcessStartInfo("oiiotool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { input, "--ch", "R,G,B", "-d", "float", "--resize:filter=lanczos3", $"{width}x{height}", "-o", output })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("oiiotool did not start (apt-get install openimageio-tools).");
        string err = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("oiiotool failed: " + err);
    }
}
