using System.Collections;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>A list exporters may add to from any thread while a test reads a copy.</summary>
public sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) { return _items.Count; } } }

    public bool IsReadOnly => false;

    public void Add(T item) { lock (_items) { _items.Add(item); } }

    public void Clear() { lock (_items) { _items.Clear(); } }

    public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }

    public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

    public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }

    public List<T> Copy() { lock (_items) { return [.. _items]; } }

    public IEnumerator<T> GetEnumerator() => Copy().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
