namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// The request's optional <c>parameters</c>: how many of the latest bars to read (default 200, 20–1000), the pivot
/// half-width in bars (default 3, 1–20), the level clustering tolerance (relative, default 0.0025) and a double top's
/// minimum neckline depth (relative, default 0.005).
/// </summary>
public sealed record AnalysisParameters(int? Bars, int? PivotWidth, double? Tolerance, double? Depth)
{
    public const int DefaultBars = 200;
    public const int MaxBars = 1000;
    public const int DefaultPivotWidth = 3;
    public const double DefaultTolerance = 0.0025;
    public const double DefaultDepth = 0.005;
}
