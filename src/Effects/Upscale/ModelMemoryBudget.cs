namespace Enhance.Effects.Upscale;

/// <summary>
/// The process-wide bound on the model's working memory. Hosts render many windows at once (64
/// threads of 16-px tiles in a stress test, a few frames at once in Natron and Resolve), and every
/// concurrent network run costs its own activations: without a shared bound, memory grows with the
/// host's thread count. Each cell run reserves its estimated cost before it starts and waits while
/// the runs in flight plus the results kept for other tiles (<see cref="CellResultCache"/>) would
/// pass the budget; kept results are dropped first. A run larger than the budget on its own still
/// goes ahead alone, so nothing waits for ever.
/// </summary>
internal static class ModelMemoryBudget
{
    private static readonly object Gate = new();
    private static long _reserved;
    private static long _peak;

    /// <summary>Bytes reserved by runs in flight (a figure for tests and the bench).</summary>
    public static long ReservedBytes { get { lock (Gate) return _reserved; } }

    /// <summary>Most bytes reserved plus kept at any moment since <see cref="ResetPeak"/>.</summary>
    public static long PeakBytes { get { lock (Gate) return _peak; } }

    public static void ResetPeak() { lock (Gate) _peak = _reserved + CellResultCache.Shared.Bytes; }

    /// <summary>
    /// Waits until <paramref name="bytes"/> fit under <paramref name="budgetBytes"/> with everything
    /// else reserved and kept, and reserves them until the returned reservation is disposed.
    /// </summary>
    public static Reservation Reserve(long bytes, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0) return new Reservation(0, counted: false);
        lock (Gate)
        {
            while (true)
            {
                long room = budgetBytes - _reserved - bytes;
                if (room < CellResultCache.Shared.Bytes) CellResultCache.Shared.TrimTo(Math.Max(0, room));
                if (_reserved == 0 || _reserved + bytes + CellResultCache.Shared.Bytes <= budgetBytes) break;
                Monitor.Wait(Gate);
            }
            _reserved += bytes;
            _peak = Math.Max(_peak, _reserved + CellResultCache.Shared.Bytes);
            return new Reservation(bytes, counted: true);
        }
    }

    /// <summary>
    /// The room left for kept results: what the budget leaves after the reservations in flight. (A
    /// render that waits for room trims kept results itself, oldest first, as far as it needs.)
    /// </summary>
    public static long RoomForKeptResults(long budgetBytes)
    {
        lock (Gate) return Math.Max(0, budgetBytes - _reserved);
    }

    private static void Release(long bytes)
    {
        lock (Gate)
        {
            _reserved -= bytes;
            Monitor.PulseAll(Gate);
        }
    }

    /// <summary>Bytes held until disposed (an empty reservation, for 0 bytes, holds nothing).</summary>
    public sealed class Reservation(long bytes, bool counted) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed || !counted) return;
            _disposed = true;
            Release(bytes);
        }
    }
}
