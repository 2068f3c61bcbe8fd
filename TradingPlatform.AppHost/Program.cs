using TradingPlatform.AppHost;
using TradingPlatform.AppHost.ResourceApi;
using TradingPlatform.Hosting.LocalServers.Supervision;
using TradingPlatform.Hosting.LocalServers;
using TradingPlatform.Hosting.LocalServers.Infrastructure;
using TradingPlatform.Hosting.LocalServers.Parameters;

var builder = DistributedApplication.CreateBuilder(args);

// Secrets: Parameters:<name> when set, else generated once and kept in the data folder.
var postgresPassword = builder.AddGeneratedSecret("postgres-password");
var cachePassword = builder.AddGeneratedSecret("cache-password");
var messagingPassword = builder.AddGeneratedSecret("messaging-password");
var jwtSigningKey = builder.AddGeneratedSecret("jwt-signing-key");
var demoTraderPassword = builder.AddGeneratedSecret("demo-trader-password");
var adminPassword = builder.AddGeneratedSecret("admin-password");

// An OpenAI-compatible model (OpenAI, Azure OpenAI, Ollama, vLLM), all optional: empty, the services use their offline
// defaults (docs/project-chat-answering.md). Set them as Parameters:llm-endpoint etc. (the key as a user secret).
var llm = new LlmParameters.Llm(
    builder.AddOptionalParameter("llm-endpoint"),
    builder.AddOptionalParameter("llm-chat-model"),
    builder.AddOptionalParameter("llm-embedding-model"),
    builder.AddOptionalParameter("llm-api-key", secret: true));

// Containers where a container runtime answers (and always in the manifest), local server processes elsewhere.
var tradingDb = builder.AddPlatformPostgres("postgres", "tradingdb", postgresPassword);
var cache = builder.AddPlatformRedis("cache", cachePassword);
var messaging = builder.AddPlatformRabbitMQ("messaging", messagingPassword);

// Ports come from each project's launch profile: api 8000, ai 8001, worker 8002. A service is healthy when its own
// /health answers Healthy (its servers, migrations, for the api also the ai service), not merely when its process has
// started: that is what WaitFor, the dashboard's health state and the console's readiness lines mean.
// The ai service validates the api's access tokens (the api forwards the caller's): same key.
var ai = builder.AddProject<Projects.TradingPlatform_AiService>("ai")
    .WithHttpHealthCheck("/health")
    .WithAppHostWatch()
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithLlm(llm);

// The worker validates the api's access tokens for its Hangfire dashboard (/hangfire, admins only): same key. It signs
// a short-lived token of the user with it when its configuration analysis asks the ai service's model for a review; it
// does not wait for ai, as the analysis keeps its rule engine's suggestions when the model cannot be reached.
var worker = builder.AddProject<Projects.TradingPlatform_Worker>("worker")
    .WithHttpHealthCheck("/health")
    .WithAppHostWatch()
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(ai)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithLlm(llm);

builder.AddProject<Projects.TradingPlatform_Api>("api")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithAppHostWatch()
    .WithReference(tradingDb).WaitFor(tradingDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(ai).WaitFor(ai)
    .WithReference(worker)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Seed__DemoTraderPassword", demoTraderPassword)
    .WithEnvironment("Seed__AdminPassword", adminPassword)
    .WithAppHostResourceApi();

builder.AddCrashRestarts();
builder.AddDemoCredentialsBanner("api", demoTraderPassword, adminPassword);

return builder.Build().RunAndExplainFailures();
