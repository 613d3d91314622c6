using System.Runtime.ExceptionServices;

namespace CommunitySafety.Data.Internals;

/// <summary>
/// Hands work items made by several worker threads to one consumer in index order, with workers at most
/// <c>window</c> items ahead of it (so memory is bounded whatever the number of items). Waiting blocks on the monitor
/// without spinning: on two cores, the spinning of task and semaphore waits took CPU from the workers.
/// </summary>
/// <typeparam name="T">The item.</typeparam>
internal sealed class OrderedHandOff<T>(int count, int window)
    where T : class
{
    private readonly object _gate = new();
    private readonly T?[] _items = new T?[count];
    private readonly Exception?[] _errors = new Exception?[count];
    private readonly bool[] _done = new bool[count];
    private int _next;
    private int _taken;
    private bool _stopped;

    /// <summary>Worker: the next index to make, or -1 when every index is handed out or the consumer stopped.</summary>
    public int NextIndex()
    {
        lock (_gate)
        {
            while (!_stopped && _next < count && _next - _taken >= window)
            {
                Monitor.Wait(_gate);
            }

            return _stopped || _next >= count ? -1 : _next++;
        }
    }

    /// <summary>Worker: the item at <paramref name="index"/> is made, or failed with <paramref name="error"/>.</summary>
    public void Complete(int index, T? item, Exception? error)
    {
        lock (_gate)
        {
            _items[index] = item;
            _errors[index] = error;
            _done[index] = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Consumer: waits for the item at <paramref name="index"/> (taken in order) and returns it, or throws its error.</summary>
    public T Take(int index)
    {
        lock (_gate)
        {
            while (!_done[index])
            {
                Monitor.Wait(_gate);
            }

            var item = _items[index];
            _items[index] = null;
            _taken = index + 1;
            Monitor.PulseAll(_gate);
            if (_errors[index] is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            return item!;
        }
    }

    /// <summary>Consumer: no more items are wanted; workers get -1 from <see cref="NextIndex"/>.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}
