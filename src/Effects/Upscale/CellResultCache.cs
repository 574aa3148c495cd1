using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Model results of single cells, kept for the other render windows of the same frame. A host that
/// renders in tiles (Natron, ofxhost --tile) asks for many small windows, and each needs whole
/// model cells (hundreds of pixels wide) around it: without this every tile re-ran the network on
/// the same cells (64-px tiles took 3.4× the untiled time, 32-px tiles 10×).
///
/// Results are found by what the network was shown, never by frame number or parameters: the key
/// is the model, the cell's size and a 128-bit hash of its input planes, and a hit is only served
/// after the stored input compares equal to the new one, so a kept result can only save time,
/// never change a pixel. Concurrent windows that need the same cell wait for one run. Only cells
/// that reach beyond the window that ran them are kept (a frame rendered in one piece keeps
/// nothing; one rendered in bands, <see cref="UpscaleBands"/>, keeps the cells two bands share),
/// least recently used first out, within what <see cref="ModelMemoryBudget"/> leaves free.
/// </summary>
internal sealed class CellResultCache
{
    public static CellResultCache Shared { get; } = new();

    private readonly record struct Key(SuperResolutionModel Model, int Width, int Height, UInt128 Hash);

    private sealed class Entry(float[] input, float[] output, LinkedListNode<Key> recency)
    {
        public float[] Input { get; } = input;
        public float[] Output { get; } = output;
        public LinkedListNode<Key> Recency { get; } = recency;
        public long Bytes => 4L * (Input.Length + Output.Length);
    }

    /// <summary>A run in progress that other windows wait for.</summary>
    private sealed class Pending
    {
        public ManualResetEventSlim Done { get; } = new(false);
        public int Waiters { get; set; }
    }

    private readonly object _gate = new();
    private readonly Dictionary<Key, Entry> _kept = new();
    private readonly LinkedList<Key> _recency = new(); // most recently used first
    private readonly Dictionary<Key, Pending> _running = new();
    private long _bytes;

    /// <summary>Bytes held by kept results.</summary>
    public long Bytes { get { lock (_gate) return _bytes; } }

    public int Count { get { lock (_gate) return _kept.Count; } }

    /// <summary>
    /// The model's output for <paramref name="planes"/> (one cell, 3 planes of
    /// <paramref name="height"/> × <paramref name="width"/>): a kept result of an identical input
    /// (read-only, shared), one a run in progress for it keeps, or <paramref name="result"/> filled
    /// by <paramref name="run"/>.
    /// </summary>
    /// <param name="othersNeedIt">The cell reaches beyond the asking window: keep its result.</param>
    public float[] Run(SuperResolutionModel model, ReadOnlySpan<float> planes, int height, int width, float[] result,
                       bool othersNeedIt, long budgetBytes, Action run)
    {
        int resultLength = planes.Length * model.Scale * model.Scale;
        var key = new Key(model, width, height, XxHash128.HashToUInt128(MemoryMarshal.AsBytes(planes)));
        Pending pending;
        bool owner;
        lock (_gate)
        {
            if (TryServe(key, planes) is { } kept) return kept;
            owner = !_running.TryGetValue(key, out pending!);
            if (owner) _running.Add(key, pending = new Pending());
            else pending.Waiters++;
        }
        if (!owner)
        {
            pending.Done.Wait();
            lock (_gate)
                if (TryServe(key, planes) is { } kept) return kept;
            run(); // the owner failed or could not keep it: run on our own
            return result;
        }
        bool succeeded = false;
        try
        {
            run();
            succeeded = true;
        }
        finally
        {
            long room = succeeded ? ModelMemoryBudget.RoomForKeptResults(budgetBytes) : 0;
            lock (_gate)
            {
                _running.Remove(key);
                if (succeeded && (othersNeedIt || pending.Waiters > 0)) Keep(key, planes, result.AsSpan(0, resultLength), room);
            }
            pending.Done.Set();
        }
        return result;
    }

    /// <summary>Drops least recently used results until at most <paramref name="bytes"/> are kept.</summary>
    public void TrimTo(long bytes)
    {
        lock (_gate)
        {
            while (_bytes > bytes && _recency.Last is { } oldest) Drop(oldest.Value);
        }
    }

    /// <summary>Drops everything (the host's purge-caches).</summary>
    public void Clear() => TrimTo(0);

    /// <summary>Drops the results of a model being unloaded: nothing can ask for them again.</summary>
    public void Forget(SuperResolutionModel model)
    {
        lock (_gate)
        {
            foreach (var key in _kept.Keys.Where(k => ReferenceEquals(k.Model, model)).ToList()) Drop(key);
        }
    }

    /// <summary>The kept output for an input equal to <paramref name="planes"/> (compared in full: a hash match alone is not proof).</summary>
    private float[]? TryServe(Key key, ReadOnlySpan<float> planes)
    {
        if (!_kept.TryGetValue(key, out var entry) || !planes.SequenceEqual(entry.Input)) return null;
        _recency.Remove(entry.Recency);
        _recency.AddFirst(entry.Recency);
        return entry.Output; // dropping it later only unlists it: a reader keeps its array alive
    }

    private void Keep(Key key, ReadOnlySpan<float> planes, ReadOnlySpan<float> result, long room)
    {
        long bytes = 4L * (planes.Length + result.Length);
        if (bytes > room || _kept.ContainsKey(key)) return;
        while (_bytes + bytes > room && _recency.Last is { } oldest) Drop(oldest.Value);
        var entry = new Entry(planes.ToArray(), result.ToArray(), _recency.AddFirst(key));
        _kept.Add(key, entry);
        _bytes += entry.Bytes;
    }

    private void Drop(Key key)
    {
        var entry = _kept[key];
        _kept.Remove(key);
        _recency.Remove(entry.Recency);
        _bytes -= entry.Bytes;
    }
}
