using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AppHost;
using TradingPlatform.Hosting;
using TradingPlatform.Hosting.Orchestration;

var builder = DistributedApplication.CreateBuilder(args);

// Secrets: generated once per machine and kept in the data folder, or set as Parameters:<name>.
var postgresPassword = builder.AddParameter("postgres-password", secret: true);
var messagingPassword = builder.AddParameter("messaging-password", secret: true);
var jwtSigningKey = builder.AddParameter("jwt-signing-key", secret: true);
var demoTraderPassword = builder.AddParameter("demo-trader-password", secret: true);
var adminPassword = builder.AddParameter("admin-password", secret: true);

var tradingDb = builder.AddPostgres("postgres", password: postgresPassword).AddDatabase("tradingdb");
var cache = builder.AddRedis("cache");
var messaging = builder.AddRabbitMQ("messaging", password: messagingPassword);

// Ports come from each project's launch profile: api 8000, ai 8001, worker 8002.
var ai = builder.AddProject<Projects.TradingPlatform_AiService>("ai")
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

var worker = builder.AddProject<Projects.TradingPlatform_Worker>("worker")
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

builder.AddProject<Projects.TradingPlatform_Api>("api")
    .WithExternalHttpEndpoints()
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(ai).WaitFor(ai)
    .WithReference(worker)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Seed__DemoTraderPassword", demoTraderPassword)
    .WithEnvironment("Seed__AdminPassword", adminPassword)
    .WithAppHostResourceApi();

if (builder.ExecutionContext.IsRunMode)
{
    builder.Services.AddHostedService(sp => new DemoCredentialsBanner(
        sp.GetRequiredService<ResourceNotificationService>(),
        sp.GetRequiredService<ResourceLoggerService>(),
        demoTraderPassword.Resource.Value,
        adminPassword.Resource.Value));
}

builder.Build().Run();
