namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>Client messages allowed per connection: a burst, refilled at a steady rate by the injected clock.</summary>
internal sealed class TokenBucket(int capacity, double perSecond, TimeProvider time)
{
    private double _tokens = capacity;
    private long _last = time.GetTimestamp();

    /// <summary>Called only from the connection's receive loop, so no locking.</summary>
    public bool TryTake()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
        _last = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
