namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>What a command did: its name, the one-line result, and the resource as it is right after.</summary>
public sealed record ResourceCommandOutcome(string Command, string Message, ResourceView Resource);
