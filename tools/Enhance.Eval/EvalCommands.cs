namespace Enhance.Eval;

/// <summary>Sub-command table: `enhance-eval &lt;name&gt; [args]`. Each evaluation registers one line here.</summary>
internal static class EvalCommands
{
    private static readonly Dictionary<string, (string Help, Func<string[], int> Run)> Commands = new()
    {
        ["grain"] = ("Grain: synthesis → estimation round trip and source matching on real photos", GrainEval.Run),
        ["dehalo"] = ("Dehalo: halo reduction, edge contrast, PSNR on real photos with made halos", DehaloEval.Run),
        ["upscale"] = ("Upscale: Y-PSNR/SSIM gain over Lanczos-3 on held-out photos (area, bicubic, Lanczos, H.264)", UpscaleEval.Run),
        ["temporal"] = ("Upscale temporal stability: static-background flicker vs Lanczos and per-frame, PSNR cost, cost per frame", TemporalEval.Run),
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine("usage: enhance-eval <command> [args]");
            foreach (var (name, (help, _)) in Commands) Console.Error.WriteLine($"  {name,-12} {help}");
            return args.Length == 0 ? 0 : 2;
        }
        return command.Run(args[1..]);
    }
}
