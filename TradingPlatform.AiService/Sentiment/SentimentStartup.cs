namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// Resolves the sentiment model while the service starts, so that a FinBERT export that does not match stops the
/// start, and begins training MiniLM's head in the background.
/// </summary>
internal sealed class SentimentStartup(ISentimentModel model) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        model.Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
