using TradingPlatform.Api.Extensions;

// Composition only: what the Api consists of is in Extensions/Extensions.cs.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationPipeline();
app.MapApplicationEndpoints();
app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
