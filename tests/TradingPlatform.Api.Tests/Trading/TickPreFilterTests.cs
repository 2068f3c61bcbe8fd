using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.TickProcessing;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Trading;

/// <summary>
/// The tick processor's SQL pre-filter (<see cref="TickProcessor.AffectedAccountsAsync"/>) is the simulator's
/// marketability rule translated by EF Core: on PostgreSQL it finds exactly the accounts whose orders the in-memory
/// rule says a tick affects, over random orders (every kind, side, status, time in force, triggered or not) and
/// random quotes on a price grid coarse enough that prices often equal the bid or the ask.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TickPreFilterTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset At = TradingKit.MarketsOpen;

    [Fact]
    public async Task The_pre_filter_and_the_in_memory_rule_agree_on_random_orders_and_quotes()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        // A symbol of this test's own: no other test's orders can be found, and no tick is ever published for it.
        var symbol = $"PF-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var random = new Random(16);
        var orders = Enumerable.Range(0, 400).Select(_ => RandomOrder(random, symbol)).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            foreach (var order in orders)
            {
                db.Accounts.Add(new TradingAccount
                {
                    Id = order.AccountId, OwnerId = Guid.NewGuid(), Name = "Pre-filter", IsDemo = true, MaxLeverage = 10, InitialBalance = 0m,
                    CreatedAt = At, UpdatedAt = At,
                });
                db.Orders.Add(order);
            }

            await db.SaveChangesAsync();
        }

        var (quotes, found) = (0, 0);
        for (var i = 0; i < 60; i++)
        {
            var bid = Grid(random);
            var ask = bid + random.Next(0, 3) * 0.5m;
            var quote = new Quote(symbol, bid, ask, (bid + ask) / 2, 10m, 10m, 0m, At.AddMinutes(random.Next(-90, 90)));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();

            var fromSql = (await TickProcessor.AffectedAccountsAsync(db, quote, CancellationToken.None)).ToHashSet();

            var inMemory = orders.Where(order => OrderMarketability.IsAffected(order, quote.Bid, quote.Ask, quote.Timestamp)).Select(order => order.AccountId).ToHashSet();
            Assert.True(inMemory.SetEquals(fromSql),
                $"At {bid}/{ask} {quote.Timestamp:O}: only in SQL {string.Join(", ", fromSql.Except(inMemory).Select(Describe))}; " +
                $"only in memory {string.Join(", ", inMemory.Except(fromSql).Select(Describe))}");
            quotes++;
            found += fromSql.Count;
        }

        // Every quote affects some of the orders and not others, so agreeing is not trivial.
        Assert.InRange(found, quotes * 20, quotes * (orders.Count - 20));

        string Describe(AccountId id)
        {
            var o = orders.Single(order => order.AccountId == id);
            return $"{o.Type} {o.Side} {o.Status} {o.TimeInForce} price {o.Price} stop {o.StopPrice} anchor {o.TrailAnchor} triggered {o.Triggered} expires {o.ExpiresAt:O}";
        }
    }

    private static decimal Grid(Random random) => 98m + random.Next(0, 9) * 0.5m;

    private static Order RandomOrder(Random random, string symbol)
    {
        var type = (OrderType)random.Next(5);
        var order = new Order
        {
            Id = OrderId.New(), AccountId = AccountId.New(), Symbol = symbol, Type = type, Side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell,
            Quantity = 2m, TimeInForce = (TimeInForce)random.Next(4), Leverage = 1, CreatedAt = At.AddHours(-3), UpdatedAt = At.AddHours(-3),
            Price = type is OrderType.Limit or OrderType.StopLimit ? Grid(random) : null,
            StopPrice = type is OrderType.Stop or OrderType.StopLimit ? Grid(random) : null,
            TrailAmount = type == OrderType.TrailingStop ? 1m : null,
            ExpiresAt = random.Next(3) switch { 0 => null, 1 => At.AddMinutes(random.Next(-60, 60)), _ => At.AddDays(1) },
        };
        if (type == OrderType.TrailingStop && random.Next(8) != 0)
        {
            var anchor = Grid(random);
            order.Trail(anchor, order.Side == OrderSide.Sell ? anchor - 1m : anchor + 1m);
        }

        switch (random.Next(8))
        {
            case 0:
                order.MoveTo(OrderStatus.Cancelled, At.AddHours(-2));
                return order;
            case 1:
                order.ApplyFill(2m, 100m, 0.04m, At.AddHours(-2));
                return order;
            default:
                order.MoveTo(OrderStatus.Open, At.AddHours(-3));
                break;
        }

        if (random.Next(3) == 0)
        {
            order.ApplyFill(1m, 100m, 0.02m, At.AddHours(-2));
        }

        if (order.AwaitsTrigger && random.Next(3) == 0)
        {
            order.Trigger();
        }

        return order;
    }
}
