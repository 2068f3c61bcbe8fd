using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.Predictions;

/// <summary>
/// Known rows for the prediction tests: 1-minute candles with given closes where the Api keeps them, and predictions
/// stored as the recorder stores a served forecast (so that a test chooses every number it checks).
/// </summary>
internal static class PredictionData
{
    public static async Task AddCandlesAsync(InfrastructureFixture infrastructure, string symbol, params (DateTimeOffset OpenTime, decimal Close)[] candles)
    {
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        foreach (var (time, close) in candles)
        {
            trading.Set<Candle>().Add(new Candle(symbol, CandleInterval.OneMinute, time, close, close, close, close, 1m));
        }

        await trading.SaveChangesAsync();
    }

    /// <summary>A 1-minute prediction from <paramref name="anchor"/> (due when its last candle has closed), 80 % intervals.</summary>
    public static Prediction Make(string userId, string symbol, string model, DateTimeOffset issuedAt, DateTimeOffset? anchor, double anchorPrice,
        ForecastPoint[] points, string? direction = null, int version = 1) => new()
    {
        Id = PredictionId.New(issuedAt), UserId = userId, Kind = direction is null ? PredictionKind.Forecast : PredictionKind.Trend, Symbol = symbol,
        Interval = "1m", ModelId = Guid.NewGuid(), ModelName = model, ModelVersion = version, IssuedAt = issuedAt, AnchorTime = anchor, AnchorPrice = anchorPrice,
        Horizon = points.Length, IntervalLevel = 0.8, Points = JsonSerializer.Serialize(points, AiJson.Options), Direction = direction,
        Probability = direction is null ? null : 0.6, DueAt = (anchor ?? issuedAt) + TimeSpan.FromMinutes(points.Length + 1), Status = PredictionStatus.Pending,
    };

    public static async Task AddAsync(IServiceProvider services, params Prediction[] predictions)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        db.Predictions.AddRange(predictions);
        await db.SaveChangesAsync();
    }

    public static async Task<Prediction> FindAsync(IServiceProvider services, PredictionId id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AiDbContext>().Predictions.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public static string NewSymbol(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..12].ToUpperInvariant();
}
