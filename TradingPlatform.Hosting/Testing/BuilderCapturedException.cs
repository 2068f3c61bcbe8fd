namespace TradingPlatform.Hosting.Testing;

/// <summary>Unwinds an AppHost's Program once the harness has its builder; never escapes the harness.</summary>
internal sealed class BuilderCapturedException : Exception
{
    public BuilderCapturedException() : base("The test harness captured the application builder.")
    {
    }

    public BuilderCapturedException(string message) : base(message)
    {
    }

    public BuilderCapturedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
