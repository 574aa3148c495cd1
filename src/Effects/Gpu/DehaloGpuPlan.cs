using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// What a GPU Dehalo render does, computed once on the CPU from the same inputs and with the same code as
/// <see cref="DehaloProcessor.Process"/>: every plane's rectangle (the CPU's areas, stage by stage), the
/// down/up blur's tap tables (<see cref="ResampleTaps"/> itself, flattened), the edge-step scales, the
/// protection radii, and the ordered list of kernel launches with their arguments. The OpenCL and CUDA
/// backends only allocate the buffers and run the list, so both execute exactly the same steps, and the
/// tests can run the CUDA kernels' C# bodies on ILGPU's CPU emulator from the same list.
/// Buffer 0 is the source image, buffer 1 the destination; the rest are planes and tables of ours.
/// </summary>
internal sealed partial class DehaloGpuPlan
{
    public const int SourceBuffer = 0, DestinationBuffer = 1;

    private readonly List<DehaloBuffer> _buffers = [];
    private readonly List<DehaloLaunch> _launches = [];

    public IReadOnlyList<DehaloBuffer> Buffers => _buffers;
    public IReadOnlyList<DehaloLaunch> Launches => _launches;

    /// <summary>
    /// Per launch, the buffers of ours to create just before it (first use) and to release right after it
    /// (last use). Both backends release a buffer with commands still queued safely (OpenCL defers the free,
    /// CUDA frees stream-ordered), and a short life lets the driver reuse the memory for later planes, which
    /// lowers the peak of a UHD render (a dozen planes of ~35 MB each).
    /// </summary>
    public IReadOnlyList<(int[] Create, int[] Release)> Schedule { get; private set; } = [];

    /// <summary>The source pixels the kernels read (edge extension clamps every read into the definition).</summary>
    public PixelRect SourceRead { get; private set; }

    private DehaloGpuPlan() { }

    /// <summary>
    /// The plan for rendering destination.Bounds; the same argument checks as <see cref="DehaloProcessor.Process"/>,
    /// plus the device images' own validity.
    /// </summary>
    public static DehaloGpuPlan Create(DeviceImage source, PixelRect sourceDefinition, DeviceImage destination, DehaloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        source.Validate(nameof(source));
        destination.Validate(nameof(destination));
        if (source.Channels != destination.Channels)
            throw new ArgumentException($"Source has {source.Channels} channels, destination {destination.Channels}.", nameof(destination));
        if (sourceDefinition.IsEmpty)
            throw new ArgumentException("The source's region of definition is empty.", nameof(sourceDefinition));
        var s = settings.Normalized();
        var plan = new DehaloGpuPlan { SourceBounds = source.Bounds };
        plan._buffers.Add(new DehaloBuffer("source", source.Bounds.Area * source.Channels));
        plan._buffers.Add(new DehaloBuffer("destination", destination.Bounds.Area * destination.Channels));

        var output = destination.Bounds;
        var (mx, my) = DehaloProcessor.Margin(s);
        var lumaArea = output.Inflate(mx, my);
        plan.SourceRead = ClampedRead(lumaArea, sourceDefinition);
        if (!source.Bounds.Contains(plan.SourceRead))
            throw new ArgumentException($"Source {source.Bounds} does not cover the required input {plan.SourceRead}.", nameof(source));

        var luma = plan.Plane("luma", lumaArea);
        plan.Launch(DehaloKernel.Luma, new DehaloArguments()
            .Buffer(SourceBuffer).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(source.Channels)
            .Int(sourceDefinition.X1).Int(sourceDefinition.Y1).Int(sourceDefinition.X2).Int(sourceDefinition.Y2)
            .Buffer(luma.Buffer).Area(lumaArea)
            .Float(LumaTransfer.Kr).Float(LumaTransfer.Kg).Float(LumaTransfer.Kb).Float(Premultiplication.TransparentAlpha)
            .Float(LumaTransfer.LumaLimit), lumaArea);
        plan.RemoveHalos(luma, sourceDefinition, output, s, source.Channels);
        plan.Schedule = plan.Lifetimes();
        return plan;
    }

    private (int[] Create, int[] Release)[] Lifetimes()
    {
        var first = Enumerable.Repeat(-1, _buffers.Count).ToArray();
        var last = new int[_buffers.Count];
        for (int i = 0; i < _launches.Count; i++)
            foreach (var a in _launches[i].Arguments)
                if (a.Kind == DehaloArgumentKind.Buffer)
                {
                    if (first[a.Int] < 0) first[a.Int] = i;
                    last[a.Int] = i;
                }
        var ours = Enumerable.Range(DestinationBuffer + 1, _buffers.Count - DestinationBuffer - 1).Where(b => first[b] >= 0).ToArray();
        return Enumerable.Range(0, _launches.Count)
            .Select(i => (ours.Where(b => first[b] == i).ToArray(), ours.Where(b => last[b] == i).ToArray())).ToArray();
    }

    /// <summary>The rectangle of clip pixels that reads clamped into <paramref name="definition"/> touch.</summary>
    private static PixelRect ClampedRead(PixelRect r, PixelRect definition) => new(
        Math.Clamp(r.X1, definition.X1, definition.X2 - 1), Math.Clamp(r.Y1, definition.Y1, definition.Y2 - 1),
        Math.Clamp(r.X2 - 1, definition.X1, definition.X2 - 1) + 1, Math.Clamp(r.Y2 - 1, definition.Y1, definition.Y2 - 1) + 1);

    private DehaloPlane Plane(string name, PixelRect bounds)
    {
        _buffers.Add(new DehaloBuffer(name, bounds.Area));
        return new DehaloPlane(_buffers.Count - 1, bounds);
    }

    private int Table(string name, float[] values)
    {
        _buffers.Add(new DehaloBuffer(name, values.Length, Floats: values));
        return _buffers.Count - 1;
    }

    private int Table(string name, int[] values)
    {
        _buffers.Add(new DehaloBuffer(name, values.Length, Ints: values));
        return _buffers.Count - 1;
    }

    private void Launch(DehaloKernel kernel, DehaloArguments arguments, PixelRect grid)
    {
        if (!grid.IsEmpty) _launches.Add(new DehaloLaunch(kernel, arguments.ToArray(), grid.Width, grid.Height));
    }
}
