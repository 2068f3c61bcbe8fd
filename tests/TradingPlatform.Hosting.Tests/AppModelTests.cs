using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Servers;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>The resource graph and what it injects, without starting anything.</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task References_inject_the_variables_Aspire_injects()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var db = builder.AddPostgres("postgres").AddDatabase("tradingdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        var ai = builder.AddProject("ai", "/repo/Ai/Ai.csproj");
        var api = builder.AddProject("api", "/repo/Api/Api.csproj")
            .WithReference(db).WithReference(cache).WithReference(messaging).WithReference(ai)
            .WithEnvironment("Feature__Flag", "on");
        await using var app = await builder.BuildAsync();

        ((PostgresServerResource)app.Model.Find("postgres")).AllocatedPort = 5500;
        ((RedisResource)app.Model.Find("cache")).AllocatedPort = 6400;
        ((RabbitMQServerResource)app.Model.Find("messaging")).AllocatedPort = 5700;
        ai.Resource.Endpoints[0].AllocatedPort = 8101;

        var environment = await ReferenceEnvironment.ResolveAsync(api.Resource, CancellationToken.None);

        var postgresPassword = ((PostgresServerResource)app.Model.Find("postgres")).Password.Value;
        Assert.Equal($"Host=127.0.0.1;Port=5500;Username=postgres;Password={postgresPassword};Database=tradingdb",
            environment["ConnectionStrings__tradingdb"]);
        Assert.StartsWith("127.0.0.1:6400,password=", environment["ConnectionStrings__cache"], StringComparison.Ordinal);
        Assert.StartsWith("amqp://guest:", environment["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.EndsWith("@127.0.0.1:5700", environment["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.Equal("http://localhost:8101", environment["services__ai__http__0"]);
        Assert.Equal("on", environment["Feature__Flag"]);
        Assert.DoesNotContain(environment.Keys, k => k.Contains("postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_passwords_differ_per_resource_and_are_not_empty()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("postgres");
        var cache = builder.AddRedis("cache");
        using var app = builder.Build();
        Assert.NotEqual(postgres.Resource.Password.Value, cache.Resource.Password.Value);
        Assert.Equal(48, postgres.Resource.Password.Value.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("trailing-")]
    [InlineData("double--hyphen")]
    public void Invalid_resource_names_are_refused(string name)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        Assert.ThrowsAny<ArgumentException>(() => builder.AddRedis(name));
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRabbitMQ("cache"));
        Assert.Contains("'cache' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_cannot_wait_for_itself()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var project = builder.AddProject("api", "/repo/Api/Api.csproj");
        Assert.Throws<InvalidOperationException>(() => project.WaitFor(project));
    }

    [Fact]
    public void A_configured_connection_string_makes_the_resource_and_its_server_external()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["ConnectionStrings:tradingdb"] = "Host=db.example;Database=trading;Username=u;Password=p";
        builder.Configuration["ConnectionStrings:cache"] = "redis.example:6379";
        var db = builder.AddPostgres("postgres").AddDatabase("tradingdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        using var app = builder.Build();

        Assert.Equal("Host=db.example;Database=trading;Username=u;Password=p", db.Resource.ExternalConnectionString);
        Assert.True(db.Resource.Server.IsExternal, "a server whose only database is external must not be started");
        Assert.True(cache.Resource.IsExternal);
        Assert.False(messaging.Resource.IsExternal);
    }

    [Fact]
    public void A_project_takes_its_port_and_environment_from_its_launch_profile()
    {
        var folder = Directory.CreateTempSubdirectory("tp-launch-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "Properties"));
            File.WriteAllText(Path.Combine(folder, "Properties", "launchSettings.json"), """
                {
                  // comments are allowed, as in Visual Studio's files
                  "profiles": {
                    "docker": { "commandName": "Docker" },
                    "http": {
                      "commandName": "Project",
                      "applicationUrl": "https://localhost:9443;http://localhost:9400",
                      "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Staging" }
                    }
                  }
                }
                """);
            var builder = DistributedApplicationTestingBuilder.Create();
            var project = builder.AddProject("svc", Path.Combine(folder, "Svc.csproj")).WithExternalHttpEndpoints();

            var endpoint = Assert.Single(project.Resource.Endpoints);
            Assert.Equal(9400, endpoint.Port);
            Assert.True(endpoint.IsExternal);
            Assert.Equal("Staging", project.Resource.EnvironmentName);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
