using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace TradingPlatform.Bench.Realtime;

/// <summary>The server process's handle on the client process: this executable started again in client mode.</summary>
internal sealed class ClientFleet : IAsyncDisposable
{
    private readonly Process _process;

    private ClientFleet(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <summary>CPU time the client process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ClientFleet> StartAsync(Uri server, string token, int clients, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run as `dotnet TradingPlatform.Bench.Realtime.dll`, the host is dotnet: start the same assembly again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[]
                 {
                     ClientProcess.Mode, "--server", server.ToString(), "--clients", clients.ToString(CultureInfo.InvariantCulture),
                     "--symbol-list", string.Join(',', symbols),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ClientProcess.TokenVariable] = token;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The client process did not start.");
        var fleet = new ClientFleet(process);
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line != "ready")
        {
            await fleet.DisposeAsync();
            throw new InvalidOperationException($"The client process answered '{line}' instead of ready (exit code {(process.HasExited ? process.ExitCode : null)}).");
        }

        return fleet;
    }

    public async Task<ClientReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, long expectedPerClient, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"report {from.UtcTicks} {to.UtcTicks} {expectedPerClient}"));
        await _process.StandardInput.FlushAsync(cancellationToken);
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("report ", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<ClientReport>(line["report ".Length..])!;
            }
        }

        throw new InvalidOperationException("The client process ended without a report.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
