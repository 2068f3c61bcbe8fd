namespace TradingPlatform.Api.Monitoring;

/// <summary>The AppHost's resource API did not answer, or answered something that is not its contract.</summary>
public sealed class AppHostUnavailableException : Exception
{
    public AppHostUnavailableException()
    {
    }

    public AppHostUnavailableException(string message) : base(message)
    {
    }

    public AppHostUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
