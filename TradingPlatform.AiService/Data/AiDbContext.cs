using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.AiService.Data;

/// <summary>
/// The AiService's view of <c>tradingdb</c> (model registry, predictions, sentiment, AI usage, chat documents):
/// a context of its own, because the AiService does not depend on the trading domain's assembly. It has no
/// entities yet: they arrive with the AI features, each with an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in this assembly, applied from <c>OnModelCreating</c> with <c>ApplyConfigurationsFromAssembly</c>.
/// </summary>
public class AiDbContext(DbContextOptions<AiDbContext> options) : DbContext(options);
