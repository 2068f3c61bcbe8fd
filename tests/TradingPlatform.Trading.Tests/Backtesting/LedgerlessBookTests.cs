using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Ledger;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>
/// A backtest's book keeps no ledger (<see cref="AccountBook.KeepsLedger"/> false): the same postings must leave the
/// account exactly as a book with a ledger leaves it (balance, last update, BalanceChanged events), only without entries.
/// </summary>
public sealed class LedgerlessBookTests
{
    [Fact]
    public void Postings_move_the_balance_exactly_as_the_ledger_does()
    {
        var start = BacktestFixtures.Start;
        var kept = Book(keepsLedger: true, start);
        var ledgerless = Book(keepsLedger: false, start);
        var random = new Random(11);
        var types = Enum.GetValues<LedgerEntryType>();

        for (var i = 0; i < 5000; i++)
        {
            // Whole cents, sub-cent amounts that round away or to a cent (half to even), large and negative ones.
            var amount = (decimal)Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 7)), random.Next(0, 8));
            var type = types[random.Next(types.Length)];
            var at = start.AddSeconds(i);
            var described = 0;
            kept.Post(type, LedgerAccounts.Venue, amount, Guid.Empty, at, i, n => $"posting {n}");
            ledgerless.Post(type, LedgerAccounts.Venue, amount, Guid.Empty, at, i, n =>
            {
                described++;
                return $"posting {n}";
            });

            Assert.Equal(0, described);
            Assert.Equal(kept.Account.Balance, ledgerless.Account.Balance);
            Assert.Equal(decimal.GetBits(kept.Account.Balance), decimal.GetBits(ledgerless.Account.Balance));
            Assert.Equal(kept.Account.UpdatedAt, ledgerless.Account.UpdatedAt);
        }

        Assert.Equal(kept.Events.OfType<BalanceChanged>(), ledgerless.Events.OfType<BalanceChanged>());
        Assert.Equal(kept.Events.Count, ledgerless.Events.Count);
        Assert.NotEmpty(kept.NewEntries);
        Assert.Empty(ledgerless.NewEntries);
        Assert.Equal(kept.NewEntries.Where(e => e.Book == LedgerAccounts.Cash(kept.Account.Id)).Sum(e => e.Amount), kept.Account.Balance);
    }

    private static AccountBook Book(bool keepsLedger, DateTimeOffset now) =>
        new(new TradingAccount
        {
            Id = AccountId.From(new Guid("3c1f7a52-9d84-4b6e-a0f3-5e2d8c7b1a94")), OwnerId = Guid.Empty, Name = "Test", IsDemo = true, MaxLeverage = 1,
            InitialBalance = 0m, CreatedAt = now, UpdatedAt = now,
        }, [], []) { KeepsLedger = keepsLedger };
}
