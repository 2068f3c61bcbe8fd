using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>Runs a short-lived helper (initdb) to completion, its output in the resource's console log.</summary>
internal static class ProcessRunner
{
    public static async Task<int> RunAsync(ServerCommand command, IEnumerable<string> arguments, string workingDirectory, ILogger log, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command.Command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.PrefixArguments.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.LogInformation("{Line}", e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.LogWarning("{Line}", e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
