using System.Globalization;
using TradingPlatform.Bench.Startup;

// Cold start of the AppHost's whole stack to all-healthy, shutdown time and idle memory of every resource.
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Startup [-- --runs 3 --idle-seconds 10]
var options = BenchOptions.Parse(args);
var results = new List<StartupMeasurement>();
for (var run = 1; run <= options.Runs; run++)
{
    Console.WriteLine($"run {run}/{options.Runs}: cold start on a fresh data folder…");
    results.Add(await StartupMeasurement.MeasureAsync(options.IdleSeconds));
}

Report.Print(results, CultureInfo.InvariantCulture);
return results.All(r => r.MeetsTargets) ? 0 : 1;
