namespace TradingPlatform.Messaging.Contracts;

/// <summary>An account's cash balance moved (fill commission, realized P&amp;L, deposit, withdrawal, funding, adjustment), with the account's figures after it.</summary>
public sealed record BalanceChangedIntegrationEvent(
    Guid UserId,
    Guid AccountId,
    decimal Balance,
    decimal Equity,
    decimal UsedMargin,
    decimal FreeMargin,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal DayPnl,
    string Reason) : IntegrationEvent
{
    public override string RoutingKey => "trading.balance_changed";
}
