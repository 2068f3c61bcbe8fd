using System.Text.Json;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>
/// Account changes built from real orders and positions (as the REST API returns them), each the one integration
/// event the trading store writes for a change.
/// </summary>
public static class RealtimeEvents
{
    /// <summary>A change that touched one order (no fills, no positions, no cash).</summary>
    public static AccountChangedIntegrationEvent OrderUpdated(Guid userId, JsonElement o, DateTimeOffset at) =>
        Change(userId, new OrderSnapshot(
            o.GetProperty("id").GetGuid(), o.GetProperty("accountId").GetGuid(), Str(o, "clientOrderId"), o.GetProperty("symbol").GetString()!,
            o.GetProperty("type").GetString()!, o.GetProperty("side").GetString()!, o.GetProperty("quantity").GetDecimal(), Dec(o, "price"),
            Dec(o, "stopPrice"), o.GetProperty("timeInForce").GetString()!, o.GetProperty("status").GetString()!, Str(o, "statusReason"),
            o.GetProperty("filledQuantity").GetDecimal(), o.GetProperty("remainingQuantity").GetDecimal(), Dec(o, "averagePrice"),
            o.GetProperty("commission").GetDecimal(), null, o.GetProperty("createdAt").GetDateTimeOffset(), o.GetProperty("updatedAt").GetDateTimeOffset()), at);

    /// <summary>A change that touched one position only.</summary>
    public static AccountChangedIntegrationEvent PositionChanged(Guid userId, string action, JsonElement p, DateTimeOffset at)
    {
        var position = new PositionSnapshot(
            p.GetProperty("id").GetGuid(), p.GetProperty("accountId").GetGuid(), p.GetProperty("symbol").GetString()!, p.GetProperty("tradeType").GetString()!,
            p.GetProperty("quantity").GetDecimal(), p.GetProperty("entryPrice").GetDecimal(), Dec(p, "currentPrice"),
            p.GetProperty("unrealizedPnl").GetDecimal(), p.GetProperty("unrealizedPnlPercent").GetDecimal(), p.GetProperty("leverage").GetDecimal(),
            Dec(p, "stopLoss"), Dec(p, "takeProfit"), Dec(p, "liquidationPrice"), p.GetProperty("margin").GetDecimal(),
            p.GetProperty("entryTime").GetInt64(), p.GetProperty("realizedPnl").GetDecimal(), p.GetProperty("status").GetString()!,
            p.GetProperty("updatedAt").GetDateTimeOffset());
        return new AccountChangedIntegrationEvent(userId, position.AccountId, [], [], [new PositionChange(action, position)], null) { OccurredAt = at };
    }

    /// <summary>A change that moved cash only, with the account's figures after it.</summary>
    public static AccountChangedIntegrationEvent BalanceChanged(Guid userId, Guid accountId, AccountBalanceSnapshot balance, DateTimeOffset at) =>
        new(userId, accountId, [], [], [], balance) { OccurredAt = at };

    /// <summary>A synthetic order update (for sequence tests that need many messages without placing orders).</summary>
    public static AccountChangedIntegrationEvent SyntheticOrder(Guid userId, Guid accountId, string status, DateTimeOffset at) =>
        Change(userId, new OrderSnapshot(Guid.NewGuid(), accountId, null, "BTC-USD", "limit", "buy", 1m, 50_000m, null, "gtc", status, null,
            0m, 1m, null, 0m, null, at, at), at);

    private static AccountChangedIntegrationEvent Change(Guid userId, OrderSnapshot order, DateTimeOffset at) =>
        new(userId, order.AccountId, [order], [], [], null) { OccurredAt = at };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
}
