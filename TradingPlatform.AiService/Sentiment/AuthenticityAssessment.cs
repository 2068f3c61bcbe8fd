namespace TradingPlatform.AiService.Sentiment;

/// <summary>The authenticity heuristic's score (0..1) and the signals that lowered it.</summary>
public sealed record AuthenticityAssessment(double Score, IReadOnlyList<string> Signals);
