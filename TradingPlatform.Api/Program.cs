using TradingPlatform.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
