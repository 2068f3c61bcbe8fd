namespace TradingPlatform.Api.Monitoring;

/// <summary>The data of <c>POST /api/components/{id}/restart</c>: the component, its AppHost resource and where it is now.</summary>
public sealed record ComponentRestart(string Id, string Resource, string Status, string State, int? Pid, string Message);
