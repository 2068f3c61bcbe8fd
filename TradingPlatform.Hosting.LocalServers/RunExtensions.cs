using Aspire.Hosting;

namespace TradingPlatform.Hosting.LocalServers;

public static class RunExtensions
{
    /// <summary>
    /// Runs the application; a problem found before start (<see cref="LocalServerException"/>) is printed as its one
    /// line, not a stack trace, and the exit code is 1. Nothing has been started by then, so nothing is left running.
    /// </summary>
    public static int RunAndExplainFailures(this DistributedApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        try
        {
            application.Run();
            return 0;
        }
        catch (Exception ex) when (Find(ex) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem.Message}");
            return 1;
        }
    }

    private static LocalServerException? Find(Exception exception) => exception switch
    {
        LocalServerException problem => problem,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(p => p is not null),
        _ => exception.InnerException is { } inner ? Find(inner) : null,
    };
}
