using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using TradingPlatform.Messaging;
using TradingPlatform.Worker.Analysis;

namespace TradingPlatform.Worker.Analytics;

/// <summary>
/// The Worker's own schema (<c>analytics</c> of <c>tradingdb</c>): statistics built from integration events, the
/// configuration analysis' runs and suggestions, and the inbox of its consumer. The Worker owns and applies these migrations at start-up; it never depends on the Api's.
/// </summary>
public class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public const string Schema = "analytics";

    public DbSet<FillStatistics> FillStatistics => Set<FillStatistics>();

    public DbSet<AnalysisRun> AnalysisRuns => Set<AnalysisRun>();

    public DbSet<ConfigSuggestion> ConfigSuggestions => Set<ConfigSuggestion>();

    /// <summary>Npgsql settings shared by the app and the design-time factory.</summary>
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new FillStatisticsConfiguration());
        modelBuilder.ApplyConfiguration(new AnalysisRunConfiguration());
        modelBuilder.ApplyConfiguration(new ConfigSuggestionConfiguration());
        // The effect (statistics) and the inbox row commit together.
        modelBuilder.AddInbox(Schema);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Money, prices and quantities are numeric in PostgreSQL, never floating point.
        configurationBuilder.Properties<decimal>().HaveColumnType("numeric");
    }
}
