using TradingPlatform.AiService.Analysis;
using TradingPlatform.AiService.Chat;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Extensions;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.AiService.Gpus;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.News;
using TradingPlatform.AiService.Training;
using TradingPlatform.AiService.Sentiment;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapGpuApi();
app.MapInferenceApi();
app.MapTrainingApi();
app.MapForecastApi();
app.MapPredictionsApi();
app.MapSentimentApi();
app.MapSentimentAggregateApi();
app.MapNewsApi();
app.MapAiCostsApi();
app.MapAnalysisApi();
app.MapChat();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
