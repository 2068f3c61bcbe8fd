namespace TradingPlatform.Hosting.LocalServers.Infrastructure;

/// <summary>How PostgreSQL, Redis and RabbitMQ run in run mode (<c>AppHost:Infrastructure</c>); publish mode is always containers.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else local processes.</summary>
    Auto,

    /// <summary>Aspire's own containers, with data volumes.</summary>
    Containers,

    /// <summary>Local server processes from the distribution's packages.</summary>
    Local,
}
