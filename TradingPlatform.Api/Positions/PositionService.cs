using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Positions;

/// <summary>Reading, closing and protecting the positions of one of the caller's accounts.</summary>
internal sealed class PositionService(TradingDbContext db, AccountBookStore store, AccountBookReader reader, IMarketView market)
{
    public async Task<(IReadOnlyList<PositionResponse> Items, int Total)> ListAsync(
        Guid ownerId, AccountId accountId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        await reader.FindOwnedAsync(ownerId, accountId, cancellationToken);
        var query = db.Positions.AsNoTracking().Where(p => p.AccountId == accountId);
        query = (status ?? "open").ToLowerInvariant() switch
        {
            "open" => query.Where(p => p.ClosedAt == null),
            "closed" => query.Where(p => p.ClosedAt != null),
            "all" => query,
            _ => throw TradingErrors.Invalid("status", "status must be one of: open, closed, all."),
        };
        var total = await query.CountAsync(cancellationToken);
        var positions = await query.OrderByDescending(p => p.ClosedAt == null).ThenByDescending(p => p.OpenedAt)
            .Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return ([.. positions.Select(p => PositionResponse.From(p, market.LatestQuote(p.Symbol)))], total);
    }

    public async Task<PositionResponse> GetAsync(Guid ownerId, AccountId accountId, PositionId positionId, CancellationToken cancellationToken)
    {
        await reader.FindOwnedAsync(ownerId, accountId, cancellationToken);
        var position = await db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == positionId && p.AccountId == accountId, cancellationToken)
            ?? throw TradingErrors.NotFound("The position");
        return PositionResponse.From(position, market.LatestQuote(position.Symbol));
    }

    public Task<(PositionResponse Position, OrderResponse Order)> CloseAsync(
        Guid ownerId, AccountId accountId, ClosePositionRequest request, CancellationToken cancellationToken) =>
        store.ChangeAsync(accountId, ownerId, async (book, now, token) =>
        {
            var position = await FindAsync(book, accountId, new PositionId(request.PositionId!.Value), token);
            var order = ExecutionSimulator.ClosePosition(book, position, request.Quantity, market, now);
            return (PositionResponse.From(position, market.LatestQuote(position.Symbol)), OrderResponse.From(order));
        }, cancellationToken);

    /// <summary>A member that is present changes the level; present and null clears it; absent keeps it.</summary>
    public Task<PositionResponse> PatchAsync(Guid ownerId, AccountId accountId, PositionId positionId, JsonElement body, CancellationToken cancellationToken)
    {
        var change = ReadProtection(body);
        return store.ChangeAsync(accountId, ownerId, async (book, now, token) =>
        {
            var position = await FindAsync(book, accountId, positionId, token);
            ExecutionSimulator.SetProtection(book, position, change, market, now);
            return PositionResponse.From(position, market.LatestQuote(position.Symbol));
        }, cancellationToken);
    }

    private static ProtectionChange ReadProtection(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw TradingErrors.Invalid("body", "The body must be a JSON object with stopLoss and/or takeProfit.");
        }

        var (setStop, stop) = Level(body, "stopLoss");
        var (setTake, take) = Level(body, "takeProfit");
        if (!setStop && !setTake)
        {
            throw TradingErrors.Invalid("body", "Give stopLoss and/or takeProfit (null clears one).");
        }

        return new ProtectionChange(setStop, stop, setTake, take);
    }

    private static (bool Present, decimal? Value) Level(JsonElement body, string name)
    {
        foreach (var member in body.EnumerateObject())
        {
            if (!string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return member.Value.ValueKind switch
            {
                JsonValueKind.Null => (true, null),
                JsonValueKind.Number when member.Value.TryGetDecimal(out var value) => (true, value),
                _ => throw TradingErrors.Invalid(name, $"{name} must be a number or null."),
            };
        }

        return (false, null);
    }

    private async Task<Position> FindAsync(AccountBook book, AccountId accountId, PositionId positionId, CancellationToken cancellationToken) =>
        book.OpenPositions.FirstOrDefault(p => p.Id == positionId)
        ?? await db.Positions.SingleOrDefaultAsync(p => p.Id == positionId && p.AccountId == accountId, cancellationToken)
        ?? throw TradingErrors.NotFound("The position");
}
