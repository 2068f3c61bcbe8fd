using TradingPlatform.Api.Ai;
using TradingPlatform.Api.Analysis;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Api.Extensions;
using TradingPlatform.Api.Optimizations;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure;
using TradingPlatform.Api.Infrastructure.OpenApi;
using TradingPlatform.Api.Infrastructure.RateLimiting;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Mcp;
using TradingPlatform.Api.Messaging;
using TradingPlatform.Api.Monitoring;
using TradingPlatform.Api.Realtime;
using TradingPlatform.Api.Trading;
using TradingPlatform.Api.Signals;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Api.Strategies.Live;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiConventions();
builder.AddApiDocumentation();
builder.AddApplicationServices();
builder.AddMarket();
builder.AddTrading();
builder.AddLiveStrategies();
builder.AddMessaging();
builder.AddRealtime();
builder.AddMcpTools();

var app = builder.Build();

app.UseApiConventions();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRedisRateLimiting();
app.UseWebSockets();

app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapSystemStatusApi();
app.MapIdentityApi();
app.MapMarketApi();
app.MapTradingEndpoints();
app.MapStrategiesApi();
app.MapSignalsApi();
app.MapBacktestsApi();
app.MapOptimizationsApi();
app.MapConfigAnalysisApi();
app.MapConfigSuggestionsApi();
app.MapAiModelsApi();
app.MapAiPredictionsApi();
app.MapAiSentimentApi();
app.MapAiCostsApi();
app.MapAiAnalysisApi();
app.MapAiChatApi();
app.MapMessagingApi();
app.MapRealtimeApi();
app.MapMcpServer();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
