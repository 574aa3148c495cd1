namespace Enhance.Effects.Upscale;

/// <summary>
/// The process-wide bound on the model path's memory. Hosts render many windows at once (64
/// threads of 16-px tiles in a stress test, a few frames at once in Natron and Resolve): without a
/// shared bound, memory grows with the host's thread count. Three things share the budget:
/// <list type="bullet">
/// <item>network runs in flight: each cell run reserves its estimated cost before it starts (a cell
/// is sized to half the budget, <see cref="TiledInference.CoreSide"/>) and waits while the runs in
/// flight, the renders' pictures and the kept results would pass the budget; kept results are
/// dropped first. A run larger than the budget on its own still goes ahead alone, so nothing waits
/// for ever;</item>
/// <item>the pictures of model renders in flight (source, window-sized images, the blend): together
/// at most a quarter of the budget (<see cref="ReservePictures"/>, <see cref="UpscaleBands"/> cuts
/// a window so that one render fits); a render waits for others' pictures only, never for a run,
/// so a render holding pictures while its cells run cannot deadlock with one waiting;</item>
/// <item>the cell results kept for a frame's other windows (<see cref="CellResultCache"/>), in
/// what the other two leave.</item>
/// </list>
/// </summary>
internal static class ModelMemoryBudget
{
    private static readonly object Gate = new();
    private static long _reserved;
    private static long _pictures;
    private static int _waitingForPictures;
    private static long _peak;

    /// <summary>Bytes reserved by runs in flight (a figure for tests and the bench).</summary>
    public static long ReservedBytes { get { lock (Gate) return _reserved; } }

    /// <summary>Bytes of pictures reserved by model renders in flight (a figure for tests and the bench).</summary>
    public static long PictureBytes { get { lock (Gate) return _pictures; } }

    /// <summary>Renders waiting for room for their pictures (for tests).</summary>
    internal static int WaitingForPictures { get { lock (Gate) return _waitingForPictures; } }

    /// <summary>Most bytes reserved (runs and pictures) plus kept at any moment since <see cref="ResetPeak"/>.</summary>
    public static long PeakBytes { get { lock (Gate) return _peak; } }

    public static void ResetPeak() { lock (Gate) _peak = _reserved + _pictures + CellResultCache.Shared.Bytes; }

    /// <summary>
    /// Waits until <paramref name="bytes"/> fit under <paramref name="budgetBytes"/> with everything
    /// else reserved and kept, and reserves them until the returned reservation is disposed.
    /// </summary>
    public static Reservation Reserve(long bytes, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0) return new Reservation(0, pictures: false);
        lock (Gate)
        {
            while (true)
            {
                long room = budgetBytes - _reserved - _pictures - bytes;
                if (room < CellResultCache.Shared.Bytes) CellResultCache.Shared.TrimTo(Math.Max(0, room));
                if (_reserved == 0 || _reserved + _pictures + bytes + CellResultCache.Shared.Bytes <= budgetBytes) break;
                Monitor.Wait(Gate);
            }
            _reserved += bytes;
            NotePeak();
            return new Reservation(bytes, pictures: false);
        }
    }

    /// <summary>
    /// Waits until the pictures of a model render (<paramref name="bytes"/>: its source, window-sized
    /// images and blend) fit, with those of the other renders in flight, in a quarter of
    /// <paramref name="budgetBytes"/>, and reserves them until disposed. Waits for other renders'
    /// pictures only (see the class comment); a render larger than the share on its own goes ahead
    /// alone. Kept results give way to the pictures reserved.
    /// </summary>
    public static Reservation ReservePictures(long bytes, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0) return new Reservation(0, pictures: true);
        long share = budgetBytes / UpscaleBands.PictureShareDivisor;
        lock (Gate)
        {
            while (_pictures > 0 && _pictures + bytes > share)
            {
                _waitingForPictures++;
                try { Monitor.Wait(Gate); }
                finally { _waitingForPictures--; }
            }
            _pictures += bytes;
            long room = budgetBytes - _reserved - _pictures;
            if (room < CellResultCache.Shared.Bytes) CellResultCache.Shared.TrimTo(Math.Max(0, room));
            NotePeak();
            return new Reservation(bytes, pictures: true);
        }
    }

    /// <summary>
    /// The room left for kept results: what the budget leaves after the runs and pictures in flight.
    /// (A run that waits for room trims kept results itself, oldest first, as far as it needs.)
    /// </summary>
    public static long RoomForKeptResults(long budgetBytes)
    {
        lock (Gate) return Math.Max(0, budgetBytes - _reserved - _pictures);
    }

    private static void NotePeak() => _peak = Math.Max(_peak, _reserved + _pictures + CellResultCache.Shared.Bytes);

    private static void Release(long bytes, bool pictures)
    {
        lock (Gate)
        {
            if (pictures) _pictures -= bytes;
            else _reserved -= bytes;
            Monitor.PulseAll(Gate);
        }
    }

    /// <summary>Bytes held until disposed (an empty reservation, for 0 bytes, holds nothing).</summary>
    public sealed class Reservation(long bytes, bool pictures) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed || bytes == 0) return;
            _disposed = true;
            Release(bytes, pictures);
        }
    }
}
