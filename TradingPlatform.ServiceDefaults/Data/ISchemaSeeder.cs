using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.ServiceDefaults.Data;

/// <summary>Runs (scoped) right after <typeparamref name="TContext"/>'s migrations, before the schema reports ready.</summary>
public interface ISchemaSeeder<TContext>
    where TContext : DbContext
{
    Task SeedAsync(CancellationToken cancellationToken);
}
