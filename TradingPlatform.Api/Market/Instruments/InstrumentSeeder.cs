using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Market.Instruments;

/// <summary>
/// Inserts the catalog's instruments that are not in <c>trading.instruments</c> yet, and never touches a row that
/// exists (operators' edits stay). Replicas may race: a duplicate insert means another one seeded it first.
/// Then loads the registry.
/// </summary>
internal sealed class InstrumentSeeder(TradingDbContext db, InstrumentRegistry registry, ILogger<InstrumentSeeder> logger)
    : ISchemaSeeder<TradingDbContext>
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Set<Instrument>().Select(i => i.Symbol).ToListAsync(cancellationToken);
        var missing = InstrumentCatalog.Defaults.Where(i => !existing.Contains(i.Symbol, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            db.Set<Instrument>().AddRange(missing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded {Count} instruments", missing.Count);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                logger.LogInformation("Another replica seeded the instruments first");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        await registry.ReloadAsync(cancellationToken);
    }
}
