namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>The review could not be had: the AiService is unreachable, has no model (<see cref="NoModel"/>), failed, or answered something unreadable.</summary>
public sealed class ConfigReviewException : Exception
{
    public ConfigReviewException()
    {
    }

    public ConfigReviewException(string message)
        : base(message)
    {
    }

    public ConfigReviewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The AiService answered 409 <c>no_model</c>.</summary>
    public bool NoModel { get; init; }
}
