namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// One symbol's time-decayed sentiment (−1..1) over <see cref="Window"/> (e.g. <c>1d</c>) of news, as of
/// <see cref="AsOf"/>, from <see cref="Items"/> items.
/// </summary>
public sealed record NewsSymbolSentiment(string Symbol, double Score, int Items, string Window, DateTimeOffset AsOf);
