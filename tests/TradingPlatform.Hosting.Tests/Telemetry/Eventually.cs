using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>Polls a store query until it holds (exports are asynchronous on the sender's side), never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static Task<T> Until<T>(Func<T> read, Func<T, bool> done, string what) =>
        Poll.UntilAsync(() => Task.FromResult(read()), done, Timeout, what);
}
