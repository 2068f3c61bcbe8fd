namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// Waits for a condition on the running stack by reading it again at an interval (never a fixed sleep standing in for
/// the condition), and fails with what it saw last. The interval keeps polls of the api well inside its rate limits.
/// </summary>
internal static class Eventually
{
    /// <param name="read">One observation: whether the condition holds, the value to hand back, and how it looked (for the failure message).</param>
    public static async Task<T> UntilAsync<T>(string what, TimeSpan timeout, TimeSpan interval, Func<Task<(bool Done, T Value, string Seen)>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var (done, value, seen) = await read();
            if (done)
            {
                return value;
            }

            if (DateTimeOffset.UtcNow - started > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}. Last seen: {seen}");
            }

            await Task.Delay(interval);
        }
    }
}
