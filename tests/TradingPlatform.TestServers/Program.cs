using TradingPlatform.Hosting.LocalServers.Parameters;
using TradingPlatform.Hosting.LocalServers.Postgres;
using TradingPlatform.Hosting.LocalServers.RabbitMQ;
using TradingPlatform.Hosting.LocalServers.Redis;
using TradingPlatform.Hosting.LocalServers.Supervision;

namespace TradingPlatform.TestServers;

// Not top-level statements: their global Program would collide with the services' own in the test projects that
// reference both.
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);

        // The resource and connection-string names of the real AppHost, so the services under test read the same keys.
        builder.AddLocalPostgres("postgres", builder.AddGeneratedSecret("postgres-password")).AddDatabase("tradingdb");
        builder.AddLocalRedis("cache", builder.AddGeneratedSecret("cache-password"));
        builder.AddLocalRabbitMQ("messaging", userName: null, builder.AddGeneratedSecret("messaging-password"));
        builder.AddCrashRestarts();

        builder.Build().Run();
    }
}
