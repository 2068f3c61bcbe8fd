namespace TradingPlatform.Worker.Analysis;

/// <summary>Who wrote a suggestion's final text.</summary>
public static class SuggestionSources
{
    /// <summary>The deterministic rule engine alone.</summary>
    public const string Rules = "rules";

    /// <summary>The rule engine's suggestion as the configured model reviewed it.</summary>
    public const string Llm = "llm";
}
