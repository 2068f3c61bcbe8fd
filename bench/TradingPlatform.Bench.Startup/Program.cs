using TradingPlatform.Bench.Startup;

// Cold start of the built AppHost's whole stack to all-healthy, idle memory of every process, stop after SIGTERM.
// Usage: dotnet build TradingPlatform.AppHost -c Release   (once; this benchmark builds nothing of the stack)
//        dotnet run -c Release --project bench/TradingPlatform.Bench.Startup [-- --runs 3 --idle-seconds 10 --apphost <dll>]
var options = BenchOptions.Parse(args);
if (!File.Exists(options.AppHostAssembly))
{
    Console.Error.WriteLine($"{options.AppHostAssembly} does not exist; build it first: dotnet build TradingPlatform.AppHost -c Release");
    return 2;
}

var results = new List<StackMeasurement>();
for (var run = 1; run <= options.Runs; run++)
{
    // The stack listens on fixed ports; another stack (someone else's ./run.sh) would make this one fail or be measured instead.
    if (Listeners.Busy(StackRun.Ports) is { Count: > 0 } busy)
    {
        Console.Error.WriteLine($"something already listens on {string.Join(", ", busy)} (see ss -ltnp); wait until that stack has stopped and run again");
        return 2;
    }

    Console.WriteLine($"run {run}/{options.Runs}: cold start of {options.AppHostAssembly} on a fresh data folder");
    results.Add(await StackRun.MeasureAsync(options));
}

return Report.Print(results) ? 0 : 1;
