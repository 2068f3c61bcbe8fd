namespace TradingPlatform.Hosting.Testing;

/// <summary>
/// Lets the test harness run an AppHost's own Program up to <c>Build()</c>: the harness's options are applied when
/// the Program creates its builder, and the finished builder is captured instead of built and run.
/// </summary>
internal sealed class TestingHook(Action<DistributedApplicationOptions> configure)
{
    private static readonly AsyncLocal<TestingHook?> CurrentHook = new();

    public static TestingHook? Current => CurrentHook.Value;

    public DistributedApplicationBuilder? Builder { get; private set; }

    public static IDisposable Install(TestingHook hook)
    {
        CurrentHook.Value = hook;
        return new Uninstall();
    }

    public void Configure(DistributedApplicationOptions options) => configure(options);

    public void Capture(DistributedApplicationBuilder builder)
    {
        Builder = builder;
        throw new BuilderCapturedException();
    }

    private sealed class Uninstall : IDisposable
    {
        public void Dispose() => CurrentHook.Value = null;
    }
}
