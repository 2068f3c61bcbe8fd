namespace TradingPlatform.AiService.Analysis;

public enum PivotKind
{
    High,
    Low,
}
