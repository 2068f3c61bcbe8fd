using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Accounts;

/// <summary>
/// One account's working state, loaded (and locked) as a unit: the account, its open positions and its working
/// orders. The simulator changes it in memory and lists what it created, so that a caller can persist the change in
/// one transaction, and an in-memory test can inspect it.
/// </summary>
public sealed class AccountBook
{
    private readonly List<Position> _openPositions;
    private readonly List<Order> _workingOrders;

    public AccountBook(TradingAccount account, IEnumerable<Position> openPositions, IEnumerable<Order> workingOrders)
    {
        Account = account;
        _openPositions = [.. openPositions];
        _workingOrders = [.. workingOrders.OrderBy(order => order.CreatedAt)];
    }

    public TradingAccount Account { get; }

    /// <summary>Where the ids of the orders, positions and fills the simulator creates come from (see <see cref="IIdGenerator"/>).</summary>
    public IIdGenerator Ids { get; init; } = TimeOrderedIds.Instance;

    public IReadOnlyList<Position> OpenPositions => _openPositions;

    /// <summary>Open and partially filled orders, oldest first (time priority when a tick triggers several).</summary>
    public IReadOnlyList<Order> WorkingOrders => _workingOrders;

    public List<Order> NewOrders { get; } = [];

    public List<Position> NewPositions { get; } = [];

    public List<Fill> NewFills { get; } = [];

    public List<LedgerEntry> NewEntries { get; } = [];

    public List<TradingEvent> Events { get; } = [];

    public Position? OpenPosition(string symbol)
    {
        // A loop rather than FirstOrDefault: called several times per tick, and the lambda would allocate a closure each time.
        foreach (var position in _openPositions)
        {
            if (Symbol.Same(position.Symbol, symbol))
            {
                return position;
            }
        }

        return null;
    }

    internal void Opened(Position position)
    {
        _openPositions.Add(position);
        NewPositions.Add(position);
    }

    internal void Closed(Position position) => _openPositions.Remove(position);

    internal void Accepted(Order order)
    {
        NewOrders.Add(order);
        if (order.IsWorking)
        {
            _workingOrders.Add(order);
        }
    }

    /// <summary>Drops orders that stopped working (filled, cancelled, expired, rejected).</summary>
    internal void PruneWorkingOrders() => _workingOrders.RemoveAll(order => !order.IsWorking);

    /// <summary>
    /// Whether postings are kept as ledger entries in <see cref="NewEntries"/>: always, except in a backtest's book,
    /// which persists nothing, so entries (two Guids, a transaction id and a formatted description each) would be made
    /// only to be thrown away. Either way a posting moves the balance by exactly the same amount and raises the same
    /// <see cref="BalanceChanged"/>.
    /// </summary>
    internal bool KeepsLedger { get; init; } = true;

    internal void Post(IReadOnlyList<LedgerEntry> entries, LedgerEntryType type, DateTimeOffset at)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (KeepsLedger)
        {
            NewEntries.AddRange(entries);
        }

        Events.Add(new BalanceChanged(Account.Id, Account.Balance, type, at));
    }

    /// <summary>
    /// Posts <paramref name="amount"/> through <see cref="LedgerPosting.Post"/>, or, for a book that keeps no ledger,
    /// makes only that posting's change to the account: the same rounding, the same balance, the same event.
    /// </summary>
    /// <param name="describe">Makes the entries' description from <paramref name="state"/>; called only when the ledger is kept.</param>
    internal void Post<TState>(
        LedgerEntryType type, string counterBook, decimal amount, Guid? referenceId, DateTimeOffset at, TState state, Func<TState, string> describe)
    {
        if (KeepsLedger)
        {
            Post(LedgerPosting.Post(Account, type, counterBook, amount, referenceId, describe(state), at), type, at);
            return;
        }

        // Exactly what LedgerPosting.Post does to the account, and what Post(entries) adds when a posting is not empty.
        var rounded = Money.Round(amount);
        if (rounded == 0m)
        {
            return;
        }

        Account.Balance += rounded;
        Account.UpdatedAt = at;
        Events.Add(new BalanceChanged(Account.Id, Account.Balance, type, at));
    }
}
