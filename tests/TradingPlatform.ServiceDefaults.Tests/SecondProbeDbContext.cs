using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>A second context on the same connection, as the Api's identity context shares the trading context's database.</summary>
public sealed class SecondProbeDbContext(DbContextOptions<SecondProbeDbContext> options) : DbContext(options);
