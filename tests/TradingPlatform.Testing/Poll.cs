namespace TradingPlatform.Testing;

/// <summary>
/// The one way tests wait: read a condition again at an interval (never a fixed sleep standing in for it) until it
/// holds or the timeout passes, then fail with what was seen last.
/// </summary>
public static class Poll
{
    /// <summary>Between two reads unless the caller names another (a stack under test may need slower polls to stay inside its rate limits).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads a value until <paramref name="done"/> accepts it, and returns it.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
            }

            await Task.Delay(interval ?? DefaultInterval, CancellationToken.None);
        }
    }

    /// <summary>
    /// One observation at a time: whether the condition holds, the value to hand back, and how it looked (for the
    /// failure message), for conditions whose value alone does not say what went wrong.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<(bool Done, T Value, string Seen)>> read, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (_, value, _) = await UntilAsync(read, observation => observation.Done, timeout, what, interval);
        return value;
    }

    /// <summary>Waits until an asynchronous condition holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? interval = null) =>
        UntilAsync(condition, holds => holds, timeout, what, interval);

    /// <summary>Waits until a condition on in-process state holds.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), holds => holds, timeout, what, interval);
    }
}
