using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// The checks an order passes before anything is written: the fields each order kind needs (and only those), tick
/// and lot sizes, quantity limits, leverage limits, and a bracket on the correct sides of the price. Each failure
/// names its field.
/// </summary>
public static class OrderValidator
{
    public const decimal MaxTrailPercent = 50m;

    public static void ValidateQuantity(Instrument instrument, decimal quantity, string field = "quantity")
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (quantity <= 0)
        {
            throw TradingException.Invalid(field, "The quantity must be greater than zero.");
        }

        if (quantity < instrument.MinQuantity || quantity > instrument.MaxQuantity)
        {
            throw TradingException.Invalid(field,
                $"The quantity must be between {F(instrument.MinQuantity)} and {F(instrument.MaxQuantity)} for {instrument.Symbol}.");
        }

        if (!instrument.IsOnLot(quantity))
        {
            throw TradingException.Invalid(field, $"The quantity must be a multiple of the lot size {F(instrument.LotSize)} for {instrument.Symbol}.");
        }
    }

    public static void ValidatePrice(Instrument instrument, decimal? price, string field)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (price is not { } value)
        {
            return;
        }

        if (value <= 0)
        {
            throw TradingException.Invalid(field, $"The {field} must be greater than zero.");
        }

        if (value > instrument.InitialPrice * 1_000_000m)
        {
            throw TradingException.Invalid(field, $"The {field} {F(value)} is not a plausible price for {instrument.Symbol}.");
        }

        if (!instrument.IsOnTick(value))
        {
            throw TradingException.Invalid(field, $"The {field} must be a multiple of the tick size {F(instrument.TickSize)} for {instrument.Symbol}.");
        }
    }

    /// <summary>Checks the request and returns the leverage to use (1 when not given).</summary>
    public static int Validate(OrderRequest request, Instrument instrument, TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(account);
        ValidateQuantity(instrument, request.Quantity);
        ValidatePrice(instrument, request.Price, "price");
        ValidatePrice(instrument, request.StopPrice, "stopPrice");
        ValidatePrice(instrument, request.StopLoss, "stopLoss");
        ValidatePrice(instrument, request.TakeProfit, "takeProfit");
        ValidateKind(request, instrument);

        var maxLeverage = Math.Min(account.MaxLeverage, instrument.MaxLeverage);
        var leverage = request.Leverage ?? 1;
        if (leverage < 1 || leverage > maxLeverage)
        {
            throw TradingException.Invalid("leverage",
                $"The leverage must be between 1 and {maxLeverage} (the lower of the account's {account.MaxLeverage} and {instrument.Symbol}'s {instrument.MaxLeverage}).");
        }

        if (request.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok && request.Type is OrderType.TrailingStop)
        {
            throw TradingException.Invalid("timeInForce", "A trailing stop rests until it triggers; use GTC or DAY.");
        }

        return leverage;
    }

    /// <summary>A bracket must sit on the protective sides of the reference price: below and above it for a buy, the reverse for a sell.</summary>
    public static void ValidateBracket(OrderSide side, decimal referencePrice, decimal? stopLoss, decimal? takeProfit)
    {
        var isBuy = side == OrderSide.Buy;
        if (stopLoss is { } sl && (isBuy ? sl >= referencePrice : sl <= referencePrice))
        {
            throw TradingException.Invalid("stopLoss",
                $"The stop-loss {F(sl)} must be {(isBuy ? "below" : "above")} the entry price {F(referencePrice)} of a {(isBuy ? "buy" : "sell")}.");
        }

        if (takeProfit is { } tp && (isBuy ? tp <= referencePrice : tp >= referencePrice))
        {
            throw TradingException.Invalid("takeProfit",
                $"The take-profit {F(tp)} must be {(isBuy ? "above" : "below")} the entry price {F(referencePrice)} of a {(isBuy ? "buy" : "sell")}.");
        }
    }

    /// <summary>A new stop must not already be triggered: a buy stop sits above the ask, a sell stop below the bid.</summary>
    public static void ValidateStopAgainstQuote(OrderSide side, decimal stopPrice, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (side == OrderSide.Buy && stopPrice <= quote.Ask)
        {
            throw TradingException.Invalid("stopPrice", $"A buy stop must be above the current ask {F(quote.Ask)}; use a market or limit order to buy now.");
        }

        if (side == OrderSide.Sell && stopPrice >= quote.Bid)
        {
            throw TradingException.Invalid("stopPrice", $"A sell stop must be below the current bid {F(quote.Bid)}; use a market or limit order to sell now.");
        }
    }

    private static void ValidateKind(OrderRequest request, Instrument instrument)
    {
        var type = request.Type;
        Require(type is OrderType.Limit or OrderType.StopLimit, request.Price, "price", type);
        Require(type is OrderType.Stop or OrderType.StopLimit, request.StopPrice, "stopPrice", type);
        if (type != OrderType.TrailingStop)
        {
            Forbid(request.TrailAmount, "trailAmount", type);
            Forbid(request.TrailPercent, "trailPercent", type);
            return;
        }

        if (request.TrailAmount is null == request.TrailPercent is null)
        {
            throw TradingException.Invalid("trailAmount", "A trailing stop needs exactly one of trailAmount and trailPercent.");
        }

        if (request.TrailAmount is { } amount)
        {
            ValidatePrice(instrument, amount, "trailAmount");
        }

        if (request.TrailPercent is { } percent && (percent <= 0 || percent > MaxTrailPercent))
        {
            throw TradingException.Invalid("trailPercent", $"The trailPercent must be greater than 0 and at most {MaxTrailPercent}.");
        }
    }

    private static void Require(bool needed, decimal? value, string field, OrderType type)
    {
        if (needed && value is null)
        {
            throw TradingException.Invalid(field, $"A {Name(type)} order needs a {field}.");
        }

        if (!needed)
        {
            Forbid(value, field, type);
        }
    }

    private static void Forbid(decimal? value, string field, OrderType type)
    {
        if (value is not null)
        {
            throw TradingException.Invalid(field, $"A {Name(type)} order takes no {field}.");
        }
    }

    private static string Name(OrderType type) => type switch
    {
        OrderType.StopLimit => "stop-limit",
        OrderType.TrailingStop => "trailing stop",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string F(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
