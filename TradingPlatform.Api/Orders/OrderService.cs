using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Orders;

/// <summary>Placing, modifying, cancelling and reading orders of one of the caller's accounts.</summary>
internal sealed class OrderService(TradingDbContext db, AccountBookStore store, AccountBookReader reader, IMarketView market)
{
    /// <summary>
    /// Places an order, idempotently per client order id: resending the same request returns the order placed the
    /// first time (<c>Created</c> false); the same id with a different request is a 409. The unique index on (account,
    /// client order id) decides, so a first placement costs no lookup: a retry (serialised behind the first by the
    /// account's row lock) fails its insert, or is refused by the simulator against the book the first one changed,
    /// and only then is the existing order read and answered.
    /// </summary>
    public async Task<(OrderResponse Order, bool Created)> PlaceAsync(
        Guid ownerId, AccountId accountId, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var domain = request.ToDomain();
        try
        {
            var placed = await store.ChangeAsync(accountId, ownerId,
                (book, now, _) => Task.FromResult(OrderResponse.From(ExecutionSimulator.Place(book, domain, market, now))), cancellationToken);
            return (placed, true);
        }
        catch (TradingException refusal) when (domain.ClientOrderId is { } clientOrderId && refusal.Kind != TradingErrorKind.NotFound)
        {
            // Another user's or an unknown account stays the store's 404; the lookup checks ownership again all the same.
            var existing = await FindByClientOrderIdAsync(ownerId, accountId, clientOrderId, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return existing.RequestFingerprint == domain.Fingerprint()
                ? (OrderResponse.From(existing), false)
                : throw new TradingException(TradingErrorKind.Conflict,
                    $"clientOrderId '{clientOrderId}' was already used for a different order ({existing.Id}) on this account.");
        }
    }

    public Task<OrderResponse> ModifyAsync(Guid ownerId, AccountId accountId, OrderId orderId, ModifyOrderRequest request, CancellationToken cancellationToken) =>
        store.ChangeAsync(accountId, ownerId, async (book, now, token) =>
        {
            var order = await FindForChangeAsync(book, accountId, orderId, token);
            ExecutionSimulator.Modify(book, order, request.ToDomain(), market, now);
            return OrderResponse.From(order);
        }, cancellationToken);

    public Task<OrderResponse> CancelAsync(Guid ownerId, AccountId accountId, OrderId orderId, CancellationToken cancellationToken) =>
        store.ChangeAsync(accountId, ownerId, async (book, now, token) =>
        {
            var order = await FindForChangeAsync(book, accountId, orderId, token);
            ExecutionSimulator.Cancel(book, order, now);
            return OrderResponse.From(order);
        }, cancellationToken);

    public async Task<OrderResponse> GetAsync(Guid ownerId, AccountId accountId, OrderId orderId, CancellationToken cancellationToken)
    {
        await reader.FindOwnedAsync(ownerId, accountId, cancellationToken);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.AccountId == accountId, cancellationToken)
            ?? throw TradingErrors.NotFound("The order");
        return OrderResponse.From(order);
    }

    public async Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(
        Guid ownerId, AccountId accountId, OrderQuery filter, PageRequest page, CancellationToken cancellationToken)
    {
        await reader.FindOwnedAsync(ownerId, accountId, cancellationToken);
        var query = db.Orders.AsNoTracking().Where(o => o.AccountId == accountId);
        if (filter.Status is { } status)
        {
            // Seed 001's "pending" means "not yet done": open and partially filled orders.
            var wanted = string.Equals(status, "pending", StringComparison.OrdinalIgnoreCase)
                ? [OrderStatus.Pending, OrderStatus.Open, OrderStatus.PartiallyFilled]
                : new[] { ApiNames.Parse<OrderStatus>(status, "status") };
            query = query.Where(o => wanted.Contains(o.Status));
        }

        if (filter.Symbol is { } symbol)
        {
            var canonical = Symbol.Normalize(symbol);
            query = query.Where(o => o.Symbol == canonical);
        }

        if (filter.StartDate is { } start)
        {
            query = query.Where(o => o.CreatedAt >= start.ToUniversalTime());
        }

        if (filter.EndDate is { } end)
        {
            query = query.Where(o => o.CreatedAt <= end.ToUniversalTime());
        }

        var total = await query.CountAsync(cancellationToken);
        var orders = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return ([.. orders.Select(OrderResponse.From)], total);
    }

    /// <summary>The order placed with this client order id on the caller's own live account, if any.</summary>
    private Task<Order?> FindByClientOrderIdAsync(Guid ownerId, AccountId accountId, ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .Where(o => o.AccountId == accountId && o.ClientOrderId == clientOrderId
                && db.Accounts.Any(a => a.Id == accountId && a.OwnerId == ownerId && a.DeletedAt == null))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>A working order is in the book already; a finished one is loaded so that changing it is a 409, not a 404.</summary>
    private async Task<Order> FindForChangeAsync(AccountBook book, AccountId accountId, OrderId orderId, CancellationToken cancellationToken) =>
        book.WorkingOrders.FirstOrDefault(o => o.Id == orderId)
        ?? await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId && o.AccountId == accountId, cancellationToken)
        ?? throw TradingErrors.NotFound("The order");
}
