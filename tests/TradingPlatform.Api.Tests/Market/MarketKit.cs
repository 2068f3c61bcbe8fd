using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Tests.Market;

/// <summary>Starting the Api for market tests (trading schema ready) and arranging stored candles.</summary>
internal static class MarketKit
{
    public static async Task<ApiFactory> StartAsync(
        InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] overrides)
    {
        var factory = await ApiFactory.StartAsync(infrastructure, time, overrides);
        await factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return factory;
    }

    /// <summary>A symbol no other test uses, so tests sharing the database never see each other's candles.</summary>
    public static string UniqueSymbol(string prefix = "T") => $"{prefix}{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    public static Candle Minute(string symbol, DateTimeOffset openTime, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new(symbol, CandleInterval.OneMinute, openTime, open, high, low, close, volume);

    public static Task StoreAsync(this ApiFactory factory, IReadOnlyCollection<Candle> candles) =>
        factory.Services.GetRequiredService<CandleStore>().UpsertAsync(candles, CancellationToken.None);

    public static async Task<long> CountAsync(InfrastructureFixture infrastructure, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(InfrastructureFixture infrastructure, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
