using Enhance.Effects.Imaging;
namespace Enhance.Effects.Gpu;

/// <summary>
/// Runs the super-resolution model on one cell's tensors in device memory: the one step of the
/// device model path (<see cref="GpuModelUpscale"/>) that is not a kernel of ours and differs by
/// backend. Tensors are R, G, B planes (NCHW, N = 1) of <see cref="Element"/>.
/// </summary>
public interface IDeviceModelRunner
{
    /// <summary>The element type the runner wants its tensors in.</summary>
    PlanarElement Element { get; }

    /// <summary>What the runner copies between host and device, for the slow-path report; null when nothing is copied.</summary>
    string? SlowPath { get; }

    /// <summary>
    /// Reads the height × width input tensor at <paramref name="input"/> and writes the model's
    /// (Scale·height) × (Scale·width) result at <paramref name="output"/>, both device buffers, in
    /// order with the work already enqueued on the render's queue/stream and before what follows.
    /// </summary>
    void Run(nint input, int height, int width, nint output);
}

/// <summary>The shapes and byte sizes of one cell's input and output tensors.</summary>
public readonly record struct ModelTensorShape(int Height, int Width, int Scale, PlanarElement Element)
{
    public long[] InputShape => [1, 3, Height, Width];

    public long[] OutputShape => [1, 3, (long)Height * Scale, (long)Width * Scale];

    public long InputElements => 3L * Height * Width;

    public long OutputElements => InputElements * Scale * Scale;

    public long InputBytes => InputElements * Element.ByteSize();

    public long OutputBytes => OutputElements * Element.ByteSize();
}
