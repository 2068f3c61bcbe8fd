using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Trading.Data;

/// <summary>
/// The trading database (<c>tradingdb</c>), shared by the Api and the Worker. It has no entities yet: they arrive
/// with the trading domain, each with its own <see cref="IEntityTypeConfiguration{TEntity}"/> in this assembly,
/// applied from <c>OnModelCreating</c> with <c>ApplyConfigurationsFromAssembly</c> (added with the first one, since
/// EF Core warns at every start while the scan finds nothing).
/// </summary>
public class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options);
