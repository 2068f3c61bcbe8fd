using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>The resource API's command names (start, stop, restart) and Aspire's own for them.</summary>
internal static class ResourceCommands
{
    private static readonly Dictionary<string, string> ToAspire = new(StringComparer.OrdinalIgnoreCase)
    {
        ["start"] = KnownResourceCommands.StartCommand,
        ["stop"] = KnownResourceCommands.StopCommand,
        ["restart"] = KnownResourceCommands.RestartCommand,
    };

    /// <summary>Aspire's command name for one of ours, or null for a command the API does not offer.</summary>
    public static string? AspireName(string command) => ToAspire.GetValueOrDefault(command);

    public static string Normalize(string command) => command.ToLowerInvariant();

    /// <summary>Ours among the resource's commands that are enabled now (a running resource cannot be started).</summary>
    public static IEnumerable<string> Available(CustomResourceSnapshot snapshot) =>
        ToAspire.Where(pair => snapshot.Commands.Any(c => c.Name == pair.Value && c.State == ResourceCommandState.Enabled)).Select(pair => pair.Key);

    /// <summary>Whether the resource has the command at all (a database or an external resource has none).</summary>
    public static bool IsSupported(CustomResourceSnapshot snapshot, string aspireName) => snapshot.Commands.Any(c => c.Name == aspireName);
}
