using System.Collections.Concurrent;

namespace Enhance.Effects.Grain;

/// <summary>Which source measurement a profile belongs to: the clip, the analysed frame range, the space and frame height.</summary>
public readonly record struct GrainProfileKey(string Source, long FirstFrame, long LastFrame, GrainSpace Space, int FrameHeight);

/// <summary>
/// Grain profiles by source frame range, so a source is measured once and not on every render.
/// Thread-safe; concurrent requests for the same key run the estimation once (Lazy). When more than
/// <see cref="Capacity"/> ranges are held, the oldest is dropped (a node rarely analyses more than a
/// few ranges, so eviction order is simple insertion order).
/// </summary>
public sealed class GrainProfileCache(int capacity = 16)
{
    private readonly ConcurrentDictionary<GrainProfileKey, Lazy<GrainProfile>> _profiles = new();
    private readonly ConcurrentQueue<GrainProfileKey> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count => _profiles.Count;

    /// <summary>The cached profile for <paramref name="key"/>, or the one <paramref name="estimate"/> makes (run once per key).</summary>
    public GrainProfile GetOrEstimate(GrainProfileKey key, Func<GrainProfileKey, GrainProfile> estimate)
    {
        var lazy = _profiles.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            return new Lazy<GrainProfile>(() => estimate(k), LazyThreadSafetyMode.ExecutionAndPublication);
        });
        var profile = lazy.Value;
        while (_profiles.Count > Capacity && _order.TryDequeue(out var oldest))
            _profiles.TryRemove(oldest, out _);
        return profile;
    }

    /// <summary>Forgets every profile of a source (its clip or analysis range changed).</summary>
    public void Invalidate(string source)
    {
        foreach (var key in _profiles.Keys)
            if (key.Source == source) _profiles.TryRemove(key, out _);
    }
}
