namespace TradingPlatform.Worker.Analysis;

/// <summary>A suggestion's life: active until the user applies or dismisses it, or a newer run supersedes it.</summary>
public static class SuggestionStatus
{
    public const string Active = "active";
    public const string Applied = "applied";
    public const string Dismissed = "dismissed";
    public const string Superseded = "superseded";

    public static IReadOnlyList<string> All { get; } = [Active, Applied, Dismissed, Superseded];
}
