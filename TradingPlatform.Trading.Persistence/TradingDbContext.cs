using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using TradingPlatform.Messaging;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Portfolio;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Persistence;

/// <summary>
/// The trading database (schema <c>trading</c> of <c>tradingdb</c>), shared by the Api and the Worker. The Api owns
/// its migrations (it applies them at start). Each entity has its own <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in this assembly; strong identifiers convert to their Guid columns by convention.
/// </summary>
public class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options)
{
    public const string Schema = "trading";

    public DbSet<TradingAccount> Accounts => Set<TradingAccount>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderStatusChange> OrderStatusHistory => Set<OrderStatusChange>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Fill> Fills => Set<Fill>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<EquitySnapshot> EquitySnapshots => Set<EquitySnapshot>();

    public DbSet<BacktestRun> Backtests => Set<BacktestRun>();

    public DbSet<BacktestTradeRecord> BacktestTrades => Set<BacktestTradeRecord>();

    public DbSet<OptimizationRun> Optimizations => Set<OptimizationRun>();

    /// <summary>Npgsql settings shared by the app and the design-time factory.</summary>
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
        // Integration events commit with the trading change that produced them; the Api's consumers record what they
        // processed in the inbox next to the data their handlers change.
        modelBuilder.AddOutbox(Schema);
        modelBuilder.AddInbox(Schema);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Money, prices and quantities are numeric in PostgreSQL, never floating point.
        configurationBuilder.Properties<decimal>().HaveColumnType("numeric");
        StrongIdConventions.Apply(configurationBuilder);
    }
}
