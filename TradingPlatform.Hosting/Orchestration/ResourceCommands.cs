namespace TradingPlatform.Hosting.Orchestration;

/// <summary>The commands a resource that the AppHost runs as a process accepts (Aspire's dashboard names).</summary>
public static class ResourceCommands
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";

    public static IReadOnlyList<string> All { get; } = [Start, Stop, Restart];

    /// <summary>The command's canonical (lower-case) name, or null when it is not one of <see cref="All"/>.</summary>
    public static string? Normalize(string? command) =>
        All.FirstOrDefault(c => string.Equals(c, command?.Trim(), StringComparison.OrdinalIgnoreCase));
}
