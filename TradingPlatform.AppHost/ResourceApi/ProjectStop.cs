using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// Stop and restart of a service for the resource API. DCP stops a project through the <c>dotnet run</c> launcher it
/// started it with, and measured here that took 7 to 13 s, past the time Aspire's stop command waits, so a restart
/// could fail with "Failed to stop resource". SIGTERM to the launcher's pid stops launcher and service in under a
/// second, gracefully (the service's own shutdown runs), and Aspire then sees the resource exit with code 0, which the
/// crash restarts leave alone. A restart then starts it with Aspire's own start command.
/// </summary>
internal static class ProjectStop
{
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(30);

    /// <summary>Null on success, else the reason.</summary>
    public static async Task<string?> StopAsync(
        IResource resource, CustomResourceSnapshot snapshot, ResourceNotificationService notifications,
        ResourceCommandService commands, string aspireCommand)
    {
        if (snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value?.ToString() is not { } pidText
            || !int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid))
        {
            var result = await commands.ExecuteCommandAsync(resource, aspireCommand, CancellationToken.None);
            return result.Success ? null : result.Message ?? "no reason given";
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pidText]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(ExitPatience);
        try
        {
            await notifications.WaitForResourceAsync(resource.Name,
                e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) && StartedBefore(e.Snapshot, snapshot), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return $"process {pid} did not exit within {ExitPatience.TotalSeconds:0} s of SIGTERM";
        }

        if (aspireCommand != KnownResourceCommands.RestartCommand)
        {
            return null;
        }

        var start = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, CancellationToken.None);
        return start.Success ? null : start.Message ?? "no reason given";
    }

    /// <summary>The exit of the run that was asked to stop, not of an earlier one.</summary>
    private static bool StartedBefore(CustomResourceSnapshot exited, CustomResourceSnapshot running) =>
        exited.StartTimeStamp is null || running.StartTimeStamp is null || exited.StartTimeStamp <= running.StartTimeStamp;
}
