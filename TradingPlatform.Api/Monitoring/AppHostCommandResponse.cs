namespace TradingPlatform.Api.Monitoring;

/// <summary>The AppHost's answer to a command: its HTTP status, its one-line message, and the resource right after.</summary>
public sealed record AppHostCommandResponse(int Status, string Message, AppHostResource? Resource)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
