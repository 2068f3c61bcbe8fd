using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Infrastructure.Accounts;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Trading;

/// <summary>
/// The account store locks the account row and loads its book in one command (<see cref="AccountLockInterceptor"/>):
/// what it sends, and that a change waiting for the lock still loads what the change it waited for committed.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AccountLockTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static OrderRequest Buy(decimal quantity) => new() { Symbol = "BTC-USD", Type = OrderType.Market, Side = OrderSide.Buy, Quantity = quantity };

    [Fact]
    public async Task A_market_order_takes_two_commands_before_the_commit_the_first_locking_and_loading()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = new AccountId(await client.CreateAccountAsync());
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var commands = new CommandLog();
        await using var db = CreateContext(factory, commands);
        var market = factory.Services.GetRequiredService<IMarketView>();

        var order = await new AccountBookStore(db, TimeProvider.System, new Outbox<TradingDbContext>(db), market)
            .ChangeAsync(accountId, ownerId: null, (book, now, _) => Task.FromResult(ExecutionSimulator.Place(book, Buy(0.01m), market, now)), CancellationToken.None);

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(2, commands.Texts.Count);
        Assert.StartsWith("SELECT 1 FROM trading.accounts WHERE \"Id\" = @", commands.Texts[0], StringComparison.Ordinal);
        Assert.Contains("FOR UPDATE;", commands.Texts[0], StringComparison.Ordinal);
        Assert.Contains("-- " + AccountLockInterceptor.Tag, commands.Texts[0], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO trading.orders", commands.Texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_waited_for_the_lock_loads_the_position_the_first_one_opened()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = new AccountId(await client.CreateAccountAsync());
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var market = factory.Services.GetRequiredService<IMarketView>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var firstDb = CreateContext(factory, new CommandLog());
        await using var secondDb = CreateContext(factory, new CommandLog());

        // The first change opens the position and holds the lock until released.
        var first = new AccountBookStore(firstDb, TimeProvider.System, new Outbox<TradingDbContext>(firstDb), market)
            .ChangeAsync(accountId, ownerId: null, async (book, now, _) =>
            {
                var placed = ExecutionSimulator.Place(book, Buy(0.01m), market, now);
                holding.SetResult();
                await release.Task;
                return placed;
            }, CancellationToken.None);
        await holding.Task.WaitAsync(Timeout);
        var second = new AccountBookStore(secondDb, TimeProvider.System, new Outbox<TradingDbContext>(secondDb), market)
            .ChangeAsync(accountId, ownerId: null, (book, now, _) => Task.FromResult((Positions: book.OpenPositions.Count, Order: ExecutionSimulator.Place(book, Buy(0.02m), market, now))),
                CancellationToken.None);

        // The second one's command waits on the row lock inside PostgreSQL; then the first commits.
        await Poll.UntilAsync(() => WaitingOnLockAsync(factory), Timeout, "the second change waits for the account's row lock");
        Assert.False(second.IsCompleted);
        release.SetResult();
        await first.WaitAsync(Timeout);
        var (positionsSeen, _) = await second.WaitAsync(Timeout);

        // It saw the first change's position and added to it: one position of 0.03, not two.
        Assert.Equal(1, positionsSeen);
        await using var check = CreateContext(factory, new CommandLog());
        var position = await check.Positions.AsNoTracking().SingleAsync(p => p.AccountId == accountId && p.ClosedAt == null);
        Assert.Equal(0.03m, position.Quantity);
    }

    private static string ConnectionString(ApiFactory factory) =>
        factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("tradingdb")!;

    private static TradingDbContext CreateContext(ApiFactory factory, CommandLog commands) =>
        new(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(ConnectionString(factory), TradingDbContext.ConfigureNpgsql)
            .AddInterceptors(AccountLockInterceptor.Instance, commands)
            .Options);

    private static async Task<bool> WaitingOnLockAsync(ApiFactory factory)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(factory));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT 1 FROM trading.accounts%'", connection);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The text of every command the context sends (BEGIN and COMMIT are the transaction's, not commands).</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (_texts)
                {
                    return [.. _texts];
                }
            }
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            lock (_texts)
            {
                _texts.Add(command.CommandText);
            }
        }
    }
}
