using System.Collections.Concurrent;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// Counts handlers in flight, overall and per key. A handler holds until <see cref="Company"/> handlers run at once
/// (or a timeout passes), so reaching that number proves the consumer dispatches side by side, without timing.
/// </summary>
public sealed class ConcurrencyProbe(int company)
{
    private readonly ConcurrentDictionary<Guid, int> _perKey = new();
    private readonly TaskCompletionSource _together = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _overlaps;

    public int Company => company;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>How often a handler started while another of the same key was still running (must stay 0).</summary>
    public int SameKeyOverlaps => Volatile.Read(ref _overlaps);

    public async Task EnterAsync(Guid key, CancellationToken cancellationToken)
    {
        if (_perKey.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        var now = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxInFlight);
        while (now > max && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
            max = Volatile.Read(ref _maxInFlight);
        }

        if (now >= company)
        {
            _together.TrySetResult();
        }

        try
        {
            await _together.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            // Never reached: the assertion on MaxInFlight reports it.
        }
    }

    public void Exit(Guid key)
    {
        Interlocked.Decrement(ref _inFlight);
        _perKey.AddOrUpdate(key, 0, (_, n) => n - 1);
    }
}
