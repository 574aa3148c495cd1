using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>The Dehalo kernels; each backend names them its own way (OpenCL <c>enhance_dehalo_luma</c>, CUDA <c>DehaloLuma</c>).</summary>
internal enum DehaloKernel
{
    Luma,
    Rows,
    Gather,
    Detail,
    MinMax,
    Side,
    Limit,
    Coherence,
    Energies,
    TextureGate,
    Strong,
    Zone,
    Weight,
    Write,
}

internal enum DehaloArgumentKind
{
    Buffer,
    Int,
    Float,
}

/// <summary>One kernel argument: a buffer of the plan (by index), an int or a float.</summary>
internal readonly record struct DehaloArgument(DehaloArgumentKind Kind, int Int, float Float)
{
    public static DehaloArgument Buffer(int index) => new(DehaloArgumentKind.Buffer, index, 0f);
    public static DehaloArgument Of(int value) => new(DehaloArgumentKind.Int, value, 0f);
    public static DehaloArgument Of(float value) => new(DehaloArgumentKind.Float, 0, value);
}

/// <summary>
/// A device buffer the render needs: the host's source or destination image (no data of ours), a float
/// plane to allocate, or a small table uploaded once (tap starts/counts as ints, tap weights as floats).
/// </summary>
internal sealed record DehaloBuffer(string Name, long Elements, float[]? Floats = null, int[]? Ints = null)
{
    public long Bytes => Elements * sizeof(float);
}

/// <summary>A single-channel float plane of the plan: its buffer and the canvas rectangle it holds, row after row.</summary>
internal readonly record struct DehaloPlane(int Buffer, PixelRect Bounds);

/// <summary>One kernel launch over a width × height grid (one work item a pixel), arguments in declaration order.</summary>
internal sealed record DehaloLaunch(DehaloKernel Kernel, DehaloArgument[] Arguments, int Width, int Height);

/// <summary>Builds a launch's argument list; a plane goes in as (buffer, x1, y1, stride).</summary>
internal sealed class DehaloArguments
{
    private readonly List<DehaloArgument> _list = [];

    public DehaloArguments Buffer(int index) { _list.Add(DehaloArgument.Buffer(index)); return this; }
    public DehaloArguments Int(int value) { _list.Add(DehaloArgument.Of(value)); return this; }
    public DehaloArguments Float(float value) { _list.Add(DehaloArgument.Of(value)); return this; }

    public DehaloArguments Plane(DehaloPlane plane) =>
        Buffer(plane.Buffer).Int(plane.Bounds.X1).Int(plane.Bounds.Y1).Int(plane.Bounds.Width);

    /// <summary>x1, y1, width, height of the area a kernel computes.</summary>
    public DehaloArguments Area(PixelRect area) => Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height);

    public DehaloArgument[] ToArray() => _list.ToArray();
}
