namespace TradingPlatform.AiService.Analysis;

/// <summary>A recognised pattern and the bars it spans (indices into the analysed bars, and their open times).</summary>
public sealed record PatternPart(string Name, int StartIndex, int EndIndex, DateTimeOffset StartTime, DateTimeOffset EndTime, int Bias, string Description);
