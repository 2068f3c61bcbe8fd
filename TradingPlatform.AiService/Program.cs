using TradingPlatform.AiService.Extensions;
using TradingPlatform.AiService.Gpus;
using TradingPlatform.AiService.Inference;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGpuApi();
app.MapInferenceApi();
app.MapSentimentApi();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
