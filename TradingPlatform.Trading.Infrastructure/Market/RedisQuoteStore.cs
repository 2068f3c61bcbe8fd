using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Infrastructure.Market;

/// <summary>
/// The latest quotes in Redis (hash <c>quotes:{symbol}</c>, symbols in the set <c>quotes:symbols</c>) and each symbol's
/// forming 1-minute candle (hash <c>candles:forming:{symbol}</c>, expiring after two minutes), all in this deployment's
/// <see cref="RedisNamespace"/>: a feed of another deployment on the same Redis never reaches this one's quote book
/// (the quotes have no expiry, so without the prefix they would outlive the feed that wrote them). The feed's leader writes;
/// every replica reads, through a short cache so that order paths do not wait on Redis for every lookup. While Redis is
/// unreachable reads answer nothing rather than block. When a cached quote expires, one caller reads it again and the
/// callers that come meanwhile get the expiring quote (at most one read per symbol in flight): without that, every
/// concurrent order blocked a thread-pool thread on the same synchronous read each time the cache expired, and on
/// two cores the pool's slow thread injection turned those stalls into seconds of latency (the orders benchmark's p99).
/// </summary>
public sealed class RedisQuoteStore(IConnectionMultiplexer redis, RedisNamespace keys, TimeProvider time, ILogger<RedisQuoteStore> logger)
    : IRemoteQuoteSource
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FormingExpiry = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, CachedQuote> _cache = new(StringComparer.OrdinalIgnoreCase);
    private (long At, IReadOnlyCollection<Quote> Quotes) _all = (long.MinValue, []);
    private int _readingAll;

    public RedisKey SymbolsKey => keys.Key("quotes:symbols");

    public RedisKey QuoteKey(string symbol) => keys.Key($"quotes:{symbol.ToUpperInvariant()}");

    public RedisKey FormingKey(string symbol) => keys.Key($"candles:forming:{symbol.ToUpperInvariant()}");

    /// <summary>Writes the ticks and the forming candles in one round trip.</summary>
    public async Task WriteAsync(IReadOnlyList<Quote> quotes, IReadOnlyCollection<Candle> forming)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(forming);
        if (quotes.Count == 0 && forming.Count == 0)
        {
            return;
        }

        var batch = redis.GetDatabase().CreateBatch();
        var writes = new List<Task>();
        foreach (var quote in quotes)
        {
            writes.Add(batch.HashSetAsync(QuoteKey(quote.Symbol), ToHash(quote)));
            writes.Add(batch.SetAddAsync(SymbolsKey, quote.Symbol));
        }

        foreach (var candle in forming)
        {
            writes.Add(batch.HashSetAsync(FormingKey(candle.Symbol), ToHash(candle)));
            writes.Add(batch.KeyExpireAsync(FormingKey(candle.Symbol), FormingExpiry));
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }

    public Quote? Get(string symbol)
    {
        var now = time.GetTimestamp();
        if (_cache.TryGetValue(symbol, out var cached))
        {
            if (time.GetElapsedTime(cached.At, now) < CacheFor || !cached.TryStartReading())
            {
                return cached.Quote;
            }
        }

        var quote = Read(symbol);
        _cache[symbol] = new CachedQuote(now, quote);
        return quote;
    }

    public IReadOnlyCollection<Quote> GetAll()
    {
        var now = time.GetTimestamp();
        var all = _all;
        var first = all.At == long.MinValue;
        if (!first && (time.GetElapsedTime(all.At, now) < CacheFor || Interlocked.CompareExchange(ref _readingAll, 1, 0) != 0))
        {
            return all.Quotes;
        }

        try
        {
            var quotes = ReadAll();
            _all = (now, quotes);
            return quotes;
        }
        finally
        {
            if (!first)
            {
                Volatile.Write(ref _readingAll, 0);
            }
        }
    }

    private List<Quote> ReadAll()
    {
        var quotes = new List<Quote>();
        if (redis.IsConnected)
        {
            try
            {
                foreach (var symbol in redis.GetDatabase().SetMembers(SymbolsKey))
                {
                    if (Read(symbol.ToString()) is { } quote)
                    {
                        quotes.Add(quote);
                    }
                }
            }
            catch (RedisException exception)
            {
                logger.LogWarning(exception, "Reading quotes from Redis failed");
            }
        }

        return quotes;
    }

    /// <summary>The leader's forming 1-minute candle of <paramref name="symbol"/>, if there is one.</summary>
    public async Task<Candle?> GetFormingAsync(string symbol)
    {
        if (!redis.IsConnected)
        {
            return null;
        }

        try
        {
            var fields = await redis.GetDatabase().HashGetAllAsync(FormingKey(symbol));
            return fields.Length == 0 ? null : FromHash(symbol, fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Reading the forming candle of {Symbol} from Redis failed", symbol);
            return null;
        }
    }

    private Quote? Read(string symbol)
    {
        if (!redis.IsConnected)
        {
            return null;
        }

        try
        {
            var fields = redis.GetDatabase().HashGetAll(QuoteKey(symbol));
            if (fields.Length == 0)
            {
                return null;
            }

            var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
            return new Quote(map["symbol"], Dec(map["bid"]), Dec(map["ask"]), Dec(map["last"]), Dec(map["bidSize"]), Dec(map["askSize"]),
                Dec(map["volume"]), DateTimeOffset.Parse(map["timestamp"], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is RedisException or KeyNotFoundException or FormatException)
        {
            logger.LogWarning(exception, "Reading the quote of {Symbol} from Redis failed", symbol);
            return null;
        }
    }

    private static HashEntry[] ToHash(Quote quote) =>
    [
        new("symbol", quote.Symbol),
        new("bid", Str(quote.Bid)),
        new("ask", Str(quote.Ask)),
        new("last", Str(quote.Last)),
        new("bidSize", Str(quote.BidSize)),
        new("askSize", Str(quote.AskSize)),
        new("volume", Str(quote.Volume)),
        new("timestamp", quote.Timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static HashEntry[] ToHash(Candle candle) =>
    [
        new("openTime", candle.OpenTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        new("open", Str(candle.Open)),
        new("high", Str(candle.High)),
        new("low", Str(candle.Low)),
        new("close", Str(candle.Close)),
        new("volume", Str(candle.Volume)),
    ];

    private static Candle FromHash(string symbol, Dictionary<string, string> map) =>
        new(symbol, CandleInterval.OneMinute, DateTimeOffset.Parse(map["openTime"], CultureInfo.InvariantCulture),
            Dec(map["open"]), Dec(map["high"]), Dec(map["low"]), Dec(map["close"]), Dec(map["volume"]));

    private static string Str(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Dec(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A cached quote (null: Redis had none) and whether a caller is reading its successor.</summary>
    private sealed class CachedQuote(long at, Quote? quote)
    {
        private int _reading;

        public long At { get; } = at;

        public Quote? Quote { get; } = quote;

        /// <summary>True for the one caller that reads the expired quote again; the others keep using this one meanwhile.</summary>
        public bool TryStartReading() => Interlocked.CompareExchange(ref _reading, 1, 0) == 0;
    }
}
