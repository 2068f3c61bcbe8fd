using TradingPlatform.Jobs;
using TradingPlatform.Jobs.Analysis;
using TradingPlatform.Worker.Analysis;

namespace TradingPlatform.Worker.Jobs;

internal static class JobsExtensions
{
    /// <summary>
    /// The Hangfire server on the Worker's queues (<see cref="JobQueues.Worker"/>), the implementations of the job
    /// contracts it serves, and its recurring jobs. The storage's readiness check is <c>hangfire</c>.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.AddJobServer([.. JobQueues.Worker]);

        // Hangfire resolves each job from a DI scope of its own (AspNetCoreJobActivator), by its contract.
        builder.Services.AddScoped<IConfigAnalysisJob, ConfigAnalysisJob>();

        builder.Services.AddSingleton<RecurringJobsRegistration>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RecurringJobsRegistration>());
        return builder;
    }
}
