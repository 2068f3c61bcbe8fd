namespace TradingPlatform.Hosting;

/// <summary>A resource could not be started or reached; the message is one line naming it, the cause and the fix.</summary>
public sealed class DistributedApplicationException : Exception
{
    public DistributedApplicationException()
    {
    }

    public DistributedApplicationException(string message) : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
