namespace TradingPlatform.Api.Monitoring;

/// <summary>The components <c>/api/status</c> reports, and which health check or sibling service each one is.</summary>
public static class ComponentIds
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string RabbitMQ = "rabbitmq";
    public const string Api = "api";
    public const string Ai = "ai";
    public const string Worker = "worker";

    /// <summary>Servers, keyed by component id, with the name of the Api's health check for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Servers = new Dictionary<string, string>
    {
        [Postgres] = "tradingdb",
        [Redis] = "cache",
        [RabbitMQ] = "messaging",
    };

    /// <summary>Sibling services, reached through service discovery by their AppHost resource names.</summary>
    public static readonly IReadOnlyList<string> Siblings = [Ai, Worker];

    public static readonly IReadOnlyList<string> All = [Postgres, Redis, RabbitMQ, Api, Ai, Worker];
}
