using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Ledger;

namespace TradingPlatform.Trading.Events;

public sealed record BalanceChanged(AccountId AccountId, decimal Balance, LedgerEntryType Reason, DateTimeOffset At) : TradingEvent(At);
