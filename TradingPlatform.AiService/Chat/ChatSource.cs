namespace TradingPlatform.AiService.Chat;

/// <summary>A passage the answer was given, numbered as it cites it: <c>[n]</c> is the n-th source.</summary>
public sealed record ChatSource(int Number, string Path, string Heading, string Anchor, double Score);
