namespace TradingPlatform.Hosting.Orchestration;

/// <summary>The outcome of a resource command, with a one-line message for a person.</summary>
public sealed record ResourceCommandResult(ResourceCommandResultKind Kind, string Message)
{
    public bool Success => Kind == ResourceCommandResultKind.Ok;

    /// <summary>The message when the command failed; null when it succeeded.</summary>
    public string? ErrorMessage => Success ? null : Message;

    public static ResourceCommandResult Ok(string message) => new(ResourceCommandResultKind.Ok, message);

    public static ResourceCommandResult NotFound(string message) => new(ResourceCommandResultKind.NotFound, message);

    public static ResourceCommandResult NotSupported(string message) => new(ResourceCommandResultKind.NotSupported, message);

    public static ResourceCommandResult InvalidState(string message) => new(ResourceCommandResultKind.InvalidState, message);
}
