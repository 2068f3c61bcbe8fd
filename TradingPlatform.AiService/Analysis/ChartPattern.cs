namespace TradingPlatform.AiService.Analysis;

/// <summary>A recognised chart pattern over bars <see cref="StartIndex"/>..<see cref="EndIndex"/>, with its bias (+1 bullish, −1 bearish).</summary>
public sealed record ChartPattern(string Name, int StartIndex, int EndIndex, int Bias, string Description);
