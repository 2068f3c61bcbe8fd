using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Analysis;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.AiService.News;
using TradingPlatform.AiService.Training;
using TradingPlatform.Messaging;

namespace TradingPlatform.AiService.Data;

/// <summary>
/// The AiService's own schema (<c>ai</c> of <c>tradingdb</c>): the forecasting model registry, the training runs, the
/// ingested news and the outbox of its integration events.
/// A context of its own, because the AiService does not depend on the trading domain's assembly (it reads the candles
/// it trains on with plain SQL). The AiService owns and applies these migrations at start-up.
/// </summary>
public class AiDbContext(DbContextOptions<AiDbContext> options) : DbContext(options)
{
    public const string Schema = "ai";

    public DbSet<ForecastModel> ForecastModels => Set<ForecastModel>();

    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    public DbSet<AiCallRecord> AiCallRecords => Set<AiCallRecord>();

    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<AiRecommendation> Recommendations => Set<AiRecommendation>();
    public DbSet<KnowledgeSource> KnowledgeSources => Set<KnowledgeSource>();
    public DbSet<KnowledgePassageRecord> KnowledgePassages => Set<KnowledgePassageRecord>();

    /// <summary>Npgsql settings shared by the app and the design-time factory.</summary>
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AiDbContext).Assembly);
        modelBuilder.AddOutbox(Schema);
    }
}
