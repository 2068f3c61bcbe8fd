using System.Diagnostics;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>A real child process (<c>sleep 600</c>) standing in for the AppHost, killed on dispose at the latest.</summary>
internal sealed class SleepingProcess : IDisposable
{
    private readonly Process _process;

    private SleepingProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static SleepingProcess Start() =>
        new(Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start 'sleep'."));

    /// <summary>SIGKILLs it, as happens to an AppHost that is killed, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
