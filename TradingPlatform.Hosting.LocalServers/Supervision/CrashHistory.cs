using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.LocalServers.Supervision;

/// <summary>One service's crashes: the back-off in effect, and which exit has already been handled.</summary>
internal sealed class CrashHistory
{
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private DateTime? _handledStop;
    private bool _restarting;
    private TimeSpan _delay = TimeSpan.Zero;

    public int Count { get; private set; }

    /// <summary>
    /// True once per exit: the same exit arrives in several snapshots (health, URLs and properties change too), and a
    /// restart already under way must not be scheduled twice.
    /// </summary>
    public bool Claim(CustomResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            var stop = snapshot.StopTimeStamp ?? snapshot.StartTimeStamp ?? DateTime.MinValue;
            if (_restarting || _handledStop == stop)
            {
                return false;
            }

            _handledStop = stop;
            _restarting = true;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _restarting = false;
        }
    }

    /// <summary>1 s for a first crash (or after a stable run), then twice the last delay, at most 30 s.</summary>
    public TimeSpan NextDelay(bool afterStableRun)
    {
        lock (_gate)
        {
            Count++;
            _delay = afterStableRun || _delay == TimeSpan.Zero
                ? TimeSpan.FromSeconds(1)
                : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaximumDelay.Ticks));
            return _delay;
        }
    }
}
