using System.Collections.Concurrent;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;
using Enhance.Effects.Imaging;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Rendering;

/// <summary>
/// The device side of one render that the host asked to run on the GPU: on its CUDA stream in its
/// current context (OfxImageEffectPropCudaEnabled: the images' data are CUdeviceptrs) or on its
/// OpenCL queue (OfxImageEffectPropOpenCLEnabled: cl_mem buffers) — packed float rows either way,
/// not host memory. Nodes with GPU kernels run them on <see cref="Primitives"/>, whatever the
/// backend; everything else goes through <see cref="ReadSource"/>/<see cref="WriteResult"/>, a
/// device→host→device round trip around the CPU code (reported once per node as a slow path).
/// Anything we cannot serve on the device becomes kOfxStatGPURenderFailed, which tells the host to
/// render again with CPU images. One place decides this for every node, so the nodes only add their kernels.
/// </summary>
public sealed class GpuRenderScope
{
    // Slow paths are worth one line per node and reason, not one per frame.
    private static readonly ConcurrentDictionary<string, bool> ReportedSlowPaths = new();

    private readonly GpuRenderPath _path;
    private bool _failed, _completed;

    private GpuRenderScope(string nodeName, GpuRenderPath path, DeviceImage output, DeviceImage source)
    {
        NodeName = nodeName;
        _path = path;
        Output = output;
        Source = source;
    }

    public string NodeName { get; }

    /// <summary>The backend's primitives, on the host's queue or stream.</summary>
    public IGpuPrimitives Primitives => _path.Primitives!;

    public GpuBackend Backend => _path.Backend;

    /// <summary>"CUDA" or "OpenCL", for messages.</summary>
    public string BackendName => NameOf(_path.Backend);

    public DeviceImage Output { get; }
    public DeviceImage Source { get; }

    /// <summary>
    /// Advertises GPU rendering in Describe, only for what runs here, so a host never hands us
    /// device memory we cannot touch: OpenCL buffers where an OpenCL runtime loads, CUDA (with
    /// stream support: we enqueue on the host's stream and never wait) where libcuda loads and sees
    /// a device. With CUDA declared and the ILGPU kernels chosen (ENHANCE_CUDA_KERNELS=ilgpu), their PTX
    /// compile starts now on a pool thread, so the first CUDA render does not stall seconds on ILGPU; the
    /// default single-source kernels are PTX already (compiled at build time).
    /// </summary>
    public static void DeclareSupport(EffectDescriptor d)
    {
        var support = GpuSupport.Current;
        if (support.OpenCl)
            d.Properties.TrySetString(OfxNames.ImageEffectPropOpenCLRenderSupported, "true");
        if (support.Cuda)
        {
            d.Properties.TrySetString(OfxNames.ImageEffectPropCudaRenderSupported, "true");
            d.Properties.TrySetString(OfxNames.ImageEffectPropCudaStreamSupported, "true");
            if (CudaKernelChoice.Current == CudaKernelSource.Ilgpu) _ = PtxCompiler.PrepareInBackground();
        }
    }

    /// <summary>The device images of a GPU render; null for a CPU render (host memory).</summary>
    public static GpuRenderScope? Open(RenderArguments args, OfxImage output, OfxImage source, string nodeName)
    {
        var request = new GpuRenderRequest(args.CudaEnabled, args.CudaStream, args.OpenClEnabled, args.OpenClCommandQueue);
        if (!request.IsGpu) return null;
        GpuRenderPath path;
        try
        {
            path = GpuRenderPath.Select(request);
        }
        catch (GpuRenderException e)
        {
            throw Failed(nodeName, e.Message, e);
        }
        string backend = NameOf(path.Backend);
        return new GpuRenderScope(nodeName, path, Describe(output, nodeName, backend), Describe(source, nodeName, backend));
    }

    /// <summary>A host image as a device image; only packed float rows are device images we can index.</summary>
    public static DeviceImage Describe(OfxImage image, string nodeName, string backend = "GPU")
    {
        if (image.Depth != PixelDepth.Float)
            throw Failed(nodeName, $"{backend} images must be float, the host gave {image.DepthName}");
        int packed = image.Width * image.ChannelCount * sizeof(float);
        if (image.RowBytes != packed)
            throw Failed(nodeName, $"{backend} image rows must be packed ({packed} bytes), the host gave {image.RowBytes}");
        var device = new DeviceImage(image.Data, HostImageConverter.ToPixelRect(image.Bounds), image.ChannelCount);
        try
        {
            device.Validate("image");
        }
        catch (ArgumentException e)
        {
            throw Failed(nodeName, e.Message, e);
        }
        return device;
    }

    /// <summary>The source pixels of <paramref name="region"/> (clipped to what the host gave), copied to the CPU.</summary>
    public FloatImage ReadSource(PixelRect region)
    {
        ReportSlowPath("renders on the CPU between copies from and to the device");
        return Download(Source, region);
    }

    /// <summary>An image of the host's (any clip of this render) read whole to the CPU.</summary>
    public FloatImage ReadWhole(OfxImage image) =>
        Download(Describe(image, NodeName, BackendName), HostImageConverter.ToPixelRect(image.Bounds));

    /// <summary>Copies <paramref name="window"/> of a CPU result into the output image.</summary>
    public void WriteResult(FloatImage result, PixelRect window)
    {
        var area = window.Intersect(Output.Bounds).Intersect(result.Bounds);
        if (area.IsEmpty) return;
        Run(() =>
        {
            if (result.Bounds == Output.Bounds)
            {
                Primitives.Upload(result, Output);
                return;
            }
            using var staging = Primitives.Allocate(result.Bounds.Area * result.Channels * sizeof(float));
            var staged = new DeviceImage(staging.Handle, result.Bounds, result.Channels);
            Primitives.Upload(result, staged);
            Primitives.Copy(staged, Output);  // the overlap: the window
        });
    }

    /// <summary>
    /// Runs device work that writes exactly <paramref name="window"/>: straight into the output when
    /// its bounds are the window (the usual case), else into a temporary copied into the output.
    /// </summary>
    public void RenderInto(PixelRect window, Action<DeviceImage> render)
    {
        Run(() =>
        {
            if (window == Output.Bounds)
            {
                render(Output);
                return;
            }
            using var temporary = Primitives.Allocate(window.Area * Output.Channels * sizeof(float));
            var target = new DeviceImage(temporary.Handle, window, Output.Channels);
            render(target);
            Primitives.Copy(target, Output);
        });
    }

    /// <summary>
    /// Ends the render: on CUDA without a host stream the OFX contract wants every kernel finished
    /// when render returns, so this waits then (and only then, unless <paramref name="waitForDevice"/>:
    /// the statistics mode waits so its milliseconds include the device's work). Nothing is waited
    /// for after a device failure: the host is about to render again on the CPU anyway.
    /// </summary>
    public void Complete(bool waitForDevice = false)
    {
        if (_completed || _failed) return;
        _completed = true;
        Run(() =>
        {
            _path.Complete();
            if (waitForDevice && !_path.SynchronizeAtEnd) Primitives.Synchronize();
        });
    }

    /// <summary>Says once per node and reason that a render took a slower route than a GPU kernel.</summary>
    public void ReportSlowPath(string what)
    {
        if (ReportedSlowPaths.TryAdd(NodeName + "\n" + BackendName + "\n" + what, true))
            Console.Error.WriteLine($"[Enhance] {NodeName}: {BackendName} render {what} (slow path).");
    }

    private FloatImage Download(DeviceImage image, PixelRect region)
    {
        var bounds = image.Bounds.Intersect(region);
        if (bounds.IsEmpty)
            throw new OfxException(OfxStatus.Failed, $"the host's image {image.Bounds} does not cover {region}");
        var result = new FloatImage(bounds, image.Channels);
        try
        {
            Run(() =>
            {
                if (bounds == image.Bounds)
                {
                    Primitives.Download(image, result);
                    return;
                }
                using var staging = Primitives.Allocate(bounds.Area * image.Channels * sizeof(float));
                var part = new DeviceImage(staging.Handle, bounds, image.Channels);
                Primitives.Copy(image, part);
                Primitives.Download(part, result);
            });
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>Device work that returns a value, with <see cref="Run(Action)"/>'s failure handling.</summary>
    public T Run<T>(Func<T> work)
    {
        T result = default!;
        Run(() => { result = work(); });
        return result;
    }

    // A failing OpenCL or CUDA call mid-render (or a model run the device cannot serve): the host
    // can still render this frame on the CPU.
    private void Run(Action work)
    {
        try
        {
            work();
        }
        catch (GpuRenderException e)
        {
            _failed = true;
            throw Failed(NodeName, e.Message, e);
        }
        catch (OpenClException e)
        {
            _failed = true;
            throw Failed(NodeName, e.Message, e);
        }
        catch (CudaException e)
        {
            _failed = true;
            throw Failed(NodeName, e.Message, e);
        }
    }

    private static string NameOf(GpuBackend backend) => backend switch
    {
        GpuBackend.Cuda => "CUDA",
        GpuBackend.OpenCl => "OpenCL",
        _ => "CPU",
    };

    private static OfxException Failed(string nodeName, string why, Exception? inner = null) =>
        new(OfxStatus.GPURenderFailed, $"GPU render not possible: {why}",
            $"{nodeName} could not render on the GPU ({why}); the host should render it on the CPU.", inner);
}
