using TradingPlatform.Api.Extensions;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure;
using TradingPlatform.Api.Infrastructure.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiConventions();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApiConventions();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRedisRateLimiting();

app.MapDefaultEndpoints();
app.MapIdentityApi();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
