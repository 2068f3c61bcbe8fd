using System.Diagnostics;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Processes;

/// <summary>
/// One running child process: its output goes line by line to the resource's log, and it can be stopped with a
/// graceful signal that escalates to SIGKILL after a timeout.
/// </summary>
internal sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited => _exited.Task;

    public static ManagedProcess Start(ProcessSpec spec, string resourceName, ResourceLoggerService logger)
    {
        var startInfo = new ProcessStartInfo
        {
            // setsid puts the child in its own session, so a Ctrl+C on the terminal reaches only the AppHost, which
            // then stops services before servers instead of every process dying at once.
            FileName = "setsid",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (spec.RunAsUser is { } user && ProcessUser.IsRoot)
        {
            startInfo.ArgumentList.Add("setpriv");
            startInfo.ArgumentList.Add($"--reuid={user}");
            startInfo.ArgumentList.Add($"--regid={user}");
            startInfo.ArgumentList.Add("--init-groups");
            startInfo.ArgumentList.Add("--");
        }

        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logger.Write(resourceName, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logger.Write(resourceName, e.Data, isError: true); };
        process.Exited += (_, _) => managed.OnExited();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="timeout"/>, then kills the process.</summary>
    public async Task StopAsync(int signal, TimeSpan timeout)
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        Signals.Send(_process.Id, signal);
        try
        {
            await _exited.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Signals.Send(_process.Id, Signals.SigKill);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public void Dispose() => _process.Dispose();

    private void OnExited()
    {
        // WaitForExit without a timeout also waits for the redirected streams to reach EOF, so the last lines a
        // crashing server prints are in the log before anyone reads its exit code.
        _ = Task.Run(() =>
        {
            _process.WaitForExit();
            _exited.TrySetResult(_process.ExitCode);
        });
    }
}
