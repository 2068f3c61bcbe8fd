using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>A context with no entities, enough to exercise AddNpgsqlDbContext.</summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options);
