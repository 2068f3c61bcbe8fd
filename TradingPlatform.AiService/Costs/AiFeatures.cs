namespace TradingPlatform.AiService.Costs;

/// <summary>The metered features' names, as the records, the statistics and the budgets' keys spell them.</summary>
public static class AiFeatures
{
    public const string Forecast = "forecast";
    public const string ForecastBatch = "forecast-batch";
    public const string Trend = "trend";
    public const string Sentiment = "sentiment";
    public const string Training = "training";

    /// <summary>A market analysis (<c>POST /api/ai/analysis</c>): the bars it read in, one recommendation out.</summary>
    public const string Analysis = "analysis";

    /// <summary>A news item scored at ingestion (posted or simulated; recorded by the ingestor, no user).</summary>
    public const string News = "news";

    /// <summary>A finished training run (recorded by the job, with its device seconds); <see cref="Training"/> is its start.</summary>
    public const string TrainingRun = "training-run";

    /// <summary>A project-chat answer (<c>POST /api/chat/project</c>): the prompt's and the answer's tokens, offline or on the configured model.</summary>
    public const string Chat = "chat";

    /// <summary>Texts embedded on a configured embedding endpoint (the knowledge base's passages and queries); MiniLM on this host is free.</summary>
    public const string Embedding = "embedding";

    /// <summary>A configuration analysis's suggestions reviewed by the configured model (the Worker's rule engine runs without one).</summary>
    public const string ConfigReview = "config-review";
}
