using TradingPlatform.Worker.Dashboard;
using TradingPlatform.Worker.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRouting();
app.UseAuthentication();
app.UseJobsDashboardSignIn();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapJobsDashboard();

app.Run();

// Lets WebApplicationFactory<Program> find this assembly's entry point.
public partial class Program;
