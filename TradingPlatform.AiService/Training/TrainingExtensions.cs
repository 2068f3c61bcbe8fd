using TradingPlatform.Jobs;
using TradingPlatform.Jobs.Training;

namespace TradingPlatform.AiService.Training;

internal static class TrainingExtensions
{
    /// <summary>The Hangfire server on the <c>training</c> queue (the AiService is where the GPU is), and the training job.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddJobServer(JobQueues.Training);
        builder.Services.AddScoped<ITrainingJob, TrainingJob>();
        return builder;
    }
}
