using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Tests.Backtests;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>
/// A user's trading history written straight to the fixture's trading schema: an account, a strategy on an instrument of
/// the test's own with 1-hour bars over the last 35 days, and round trips (an opening and a closing fill each, with their
/// order and position) as the execution simulator books them.
/// </summary>
internal sealed class AnalysisData(InfrastructureFixture infrastructure)
{
    private readonly BacktestData _backtests = new(infrastructure);

    public TradingDbContext CreateContext() => _backtests.CreateContext();

    public Task EnsureSchemaAsync() => _backtests.EnsureSchemaAsync();

    /// <summary>An instrument of the test's own with generated 1-hour bars from 35 days ago to now.</summary>
    public async Task<Instrument> AddInstrumentWithHoursAsync(DateTimeOffset now)
    {
        var instrument = await _backtests.AddInstrumentAsync();
        var end = CandleInterval.OneHour.Floor(now);
        var minutes = HistoryGenerator.GenerateMinutes(instrument, end.AddDays(-35), end, seed: 7);
        var hours = CandleAggregator.Aggregate(minutes, CandleInterval.OneHour);
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY trading.candles (symbol, interval, open_time, open, high, low, close, volume) FROM STDIN (FORMAT BINARY)");
        foreach (var candle in hours)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(candle.Symbol, NpgsqlDbType.Varchar);
            await writer.WriteAsync(candle.Interval.Code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(candle.OpenTime, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(candle.Open, NpgsqlDbType.Numeric);
            await writer.WriteAsync(candle.High, NpgsqlDbType.Numeric);
            await writer.WriteAsync(candle.Low, NpgsqlDbType.Numeric);
            await writer.WriteAsync(candle.Close, NpgsqlDbType.Numeric);
            await writer.WriteAsync(candle.Volume, NpgsqlDbType.Numeric);
        }

        await writer.CompleteAsync();
        return instrument;
    }

    public async Task<TradingAccount> AddAccountAsync(Guid userId, int maxLeverage = 10, decimal? maxDailyLoss = null)
    {
        var account = new TradingAccount
        {
            Id = AccountId.New(), OwnerId = userId, Name = "Leveraged", IsDemo = true, MaxLeverage = maxLeverage, MaxDailyLoss = maxDailyLoss,
            InitialBalance = 10_000m, CreatedAt = DateTimeOffset.UtcNow.AddDays(-40),
        };
        await using var db = CreateContext();
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    public async Task<Strategy> AddStrategyAsync(Guid userId, AccountId accountId, string symbol, RiskManagement risk, bool active = true)
    {
        var strategy = new Strategy
        {
            OwnerId = userId, Name = "Leveraged trend", Type = StrategyType.Automated, Algorithm = "sma_crossover",
            Parameters = """{"fast":5,"slow":20,"allowShort":true}""", AccountId = accountId, Symbols = [symbol], RiskManagement = risk,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-30), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-30),
        };
        if (active)
        {
            strategy.ChangeStatus(StrategyStatus.Active, DateTimeOffset.UtcNow.AddDays(-30));
        }

        await using var db = CreateContext();
        db.Add(strategy);
        await db.SaveChangesAsync();
        return strategy;
    }

    /// <summary>
    /// A long round trip at <paramref name="leverage"/>: bought at <paramref name="entry"/>, closed with <paramref name="pnl"/>
    /// realised for <paramref name="reason"/>, a fee of 6 on each fill.
    /// </summary>
    public async Task AddRoundTripAsync(
        TradingAccount account, StrategyId? strategyId, string symbol, DateTimeOffset openedAt, decimal entry, decimal quantity, decimal pnl,
        PositionCloseReason reason, int leverage)
    {
        await using var db = CreateContext();
        var position = new Position
        {
            Id = PositionId.New(), AccountId = account.Id, Symbol = symbol, Side = PositionSide.Long, Quantity = 0m, EntryPrice = entry,
            Margin = entry * quantity / leverage, RealizedPnl = pnl, ClosePrice = entry + pnl / quantity, CloseReason = reason,
            OpenedAt = openedAt, UpdatedAt = openedAt.AddHours(2), ClosedAt = openedAt.AddHours(2),
        };
        db.Positions.Add(position);
        foreach (var (side, at, realized) in new[] { (OrderSide.Buy, openedAt, 0m), (OrderSide.Sell, openedAt.AddHours(2), pnl) })
        {
            var order = new Order
            {
                Id = OrderId.New(), AccountId = account.Id, Symbol = symbol, Type = OrderType.Market, Side = side, Quantity = quantity,
                TimeInForce = TimeInForce.Gtc, Leverage = leverage, StrategyId = strategyId, CreatedAt = at,
            };
            db.Orders.Add(order);
            db.Fills.Add(new Fill
            {
                Id = FillId.New(), OrderId = order.Id, AccountId = account.Id, PositionId = position.Id, Symbol = symbol, Side = side, Quantity = quantity,
                Price = side == OrderSide.Buy ? entry : position.ClosePrice, Commission = 6m, Liquidity = Liquidity.Taker, RealizedPnl = realized,
                StrategyId = strategyId, ExecutedAt = at,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The Done-when account: a 10x-leveraged, losing strategy with a 15 % stop-loss: two liquidations (−570 each on a
    /// 9.5 % move), a stop-loss hit that gapped to 15.5 % (−930), two losing closes (−300) and one win (+400), all at 10x.
    /// </summary>
    public async Task<(TradingAccount Account, Strategy Strategy)> AddOverLeveragedLoserAsync(Guid userId, Instrument instrument, DateTimeOffset now)
    {
        var account = await AddAccountAsync(userId);
        var strategy = await AddStrategyAsync(userId, account.Id, instrument.Symbol, new RiskManagement(1m, 5m, 15m, 20m));
        var start = now.AddDays(-6);
        (decimal Pnl, PositionCloseReason Reason)[] trips =
        [
            (-570m, PositionCloseReason.Liquidation), (-300m, PositionCloseReason.Closed), (400m, PositionCloseReason.TakeProfit),
            (-930m, PositionCloseReason.StopLoss), (-570m, PositionCloseReason.Liquidation), (-300m, PositionCloseReason.Closed),
        ];
        for (var i = 0; i < trips.Length; i++)
        {
            await AddRoundTripAsync(account, strategy.Id, instrument.Symbol, start.AddHours(12 * i), 100m, 60m, trips[i].Pnl, trips[i].Reason, leverage: 10);
        }

        return (account, strategy);
    }
}
