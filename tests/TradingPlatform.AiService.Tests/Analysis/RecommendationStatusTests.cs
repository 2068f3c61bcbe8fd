using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

public sealed class RecommendationStatusTests
{
    private static readonly DateTimeOffset Created = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AiRecommendation Recommendation(DateTimeOffset? supersededAt = null) => new()
    {
        Id = Guid.NewGuid(), UserId = "u", Symbol = "EURUSD", AnalysisType = "trend", Timeframe = "1h", Action = "buy", Price = 1.08m, Confidence = 0.7,
        Reasoning = "r", CreatedAt = Created, ExpiresAt = Created.AddHours(12), SupersededAt = supersededAt,
    };

    [Fact]
    public void Active_until_its_expiry_then_expired()
    {
        Assert.Equal("active", Recommendation().StatusAt(Created.AddHours(12).AddTicks(-1)));
        Assert.Equal("expired", Recommendation().StatusAt(Created.AddHours(12)));
    }

    [Fact]
    public void Superseded_from_the_moment_a_later_analysis_replaced_it()
    {
        var replaced = Recommendation(Created.AddHours(1));
        Assert.Equal("active", replaced.StatusAt(Created.AddMinutes(59)));
        Assert.Equal("superseded", replaced.StatusAt(Created.AddHours(1)));
        Assert.Equal("superseded", replaced.StatusAt(Created.AddHours(13)));
    }
}
