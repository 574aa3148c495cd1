namespace Enhance.Effects.Upscale;

/// <summary>
/// Process-wide models, one per (file, execution provider): hosts keep several node instances per
/// clip and render frames on several threads, and a session holds hundreds of MiB, so they share.
/// A model loads on first use (all threads asking at once wait for the one load); a failed load is
/// not remembered, so fixing the file and rendering again retries.
///
/// Callers hold a <see cref="ModelLease"/> while rendering. <see cref="Purge"/> (the host's
/// purge-caches action) drops every model from the cache; one still leased by a render in flight is
/// freed when that render releases it, never under it.
/// </summary>
public static class ModelCache
{
    private static readonly object Gate = new();
    private static readonly Dictionary<(string Path, ExecutionProvider Provider), Entry> Entries = new();

    /// <summary>Leases the model at <paramref name="path"/>, loading it if needed. Throws <see cref="ModelLoadException"/>.</summary>
    public static ModelLease Acquire(string path, ExecutionProvider provider = ExecutionProvider.Auto)
    {
        var key = (Path.GetFullPath(path), ExecutionProviderSelector.Resolve(provider));
        Entry entry;
        lock (Gate)
        {
            if (!Entries.TryGetValue(key, out entry!))
            {
                entry = new Entry(key.Item1, key.Item2);
                Entries.Add(key, entry);
            }
        }
        try
        {
            var model = entry.Model; // loads outside the gate: other models stay available meanwhile
            lock (Gate)
            {
                if (entry.Retired)
                    return Acquire(path, provider); // purged between load and lease: use a fresh entry
                entry.Leases++;
                return new ModelLease(entry, model);
            }
        }
        catch
        {
            // Lazy remembers a failure; forget the entry so the next request loads again.
            lock (Gate)
            {
                if (Entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                    Entries.Remove(key);
            }
            throw;
        }
    }

    /// <summary>Frees every model not in use now, and every other one as soon as its last lease ends.</summary>
    public static void Purge()
    {
        List<Entry> retired;
        lock (Gate)
        {
            retired = Entries.Values.ToList();
            Entries.Clear();
            foreach (var e in retired) e.Retired = true;
        }
        foreach (var e in retired) e.DisposeIfUnused();
        CellResultCache.Shared.Clear(); // results of retired models can never be asked for again
    }

    /// <summary>How many models are cached now (for tests and diagnostics).</summary>
    public static int Count
    {
        get { lock (Gate) return Entries.Count; }
    }

    internal sealed class Entry(string path, ExecutionProvider provider)
    {
        private readonly Lazy<SuperResolutionModel> _model = new(() => SuperResolutionModel.Load(path, provider), LazyThreadSafetyMode.ExecutionAndPublication);
        private bool _disposed;

        public SuperResolutionModel Model => _model.Value;
        public int Leases { get; set; }
        public bool Retired { get; set; }

        public void Release()
        {
            lock (Gate) Leases--;
            DisposeIfUnused();
        }

        public void DisposeIfUnused()
        {
            lock (Gate)
            {
                if (!Retired || Leases > 0 || _disposed || !_model.IsValueCreated) return;
                _disposed = true;
            }
            _model.Value.Dispose();
        }
    }
}

/// <summary>A model in use by one render; dispose it when the render ends.</summary>
public sealed class ModelLease : IDisposable
{
    private ModelCache.Entry? _entry;

    internal ModelLease(ModelCache.Entry entry, SuperResolutionModel model)
    {
        _entry = entry;
        Model = model;
    }

    public SuperResolutionModel Model { get; }

    public void Dispose() => Interlocked.Exchange(ref _entry, null)?.Release();
}
