namespace TradingPlatform.Api.Analysis;

/// <summary>A configuration-analysis job: its Hangfire job id and <see cref="ConfigAnalysisJobStatus"/>.</summary>
public sealed record ConfigAnalysisJobResponse(string JobId, string Status);
