using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.LocalServers.Tests;

/// <summary>The servers-only fixture really starts PostgreSQL, Redis and RabbitMQ with passwords on loopback.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class InfrastructureFixtureTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Postgres_answers_queries_in_the_created_database()
    {
        await using var connection = new NpgsqlConnection(fixture.TradingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("tradingdb", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Postgres_refuses_a_wrong_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(fixture.TradingDb) { Password = "not-the-password" };
        await using var connection = new NpgsqlConnection(wrong.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task Redis_requires_its_password_and_answers_with_it()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Cache);
        var db = redis.GetDatabase();
        await db.StringSetAsync("fixture-key", "value");
        Assert.Equal("value", (string?)await db.StringGetAsync("fixture-key"));

        var withoutPassword = ConfigurationOptions.Parse(fixture.Cache);
        withoutPassword.Password = null;
        withoutPassword.AbortOnConnectFail = false;
        await using var anonymous = await ConnectionMultiplexer.ConnectAsync(withoutPassword);
        await Assert.ThrowsAnyAsync<RedisException>(() => anonymous.GetDatabase().PingAsync());
    }

    [Fact]
    public async Task RabbitMQ_accepts_an_authenticated_connection_and_routes_a_message()
    {
        var factory = new ConnectionFactory { Uri = new Uri(fixture.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(exclusive: true);
        await channel.BasicPublishAsync("", queue.QueueName, "hello"u8.ToArray());
        var message = await WaitForMessageAsync(channel, queue.QueueName);
        Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(message));
    }

    [Fact]
    public async Task RabbitMQ_refuses_a_wrong_password()
    {
        var uri = new UriBuilder(fixture.Messaging) { Password = "wrong" }.Uri;
        var factory = new ConnectionFactory { Uri = uri };
        await Assert.ThrowsAnyAsync<Exception>(() => factory.CreateConnectionAsync());
    }

    [Fact]
    public void Connection_strings_point_at_loopback_only()
    {
        Assert.Contains("Host=127.0.0.1", fixture.TradingDb, StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.1:", fixture.Cache, StringComparison.Ordinal);
        Assert.StartsWith("amqp://", fixture.Messaging, StringComparison.Ordinal);
        Assert.Contains("@127.0.0.1:", fixture.Messaging, StringComparison.Ordinal);
    }

    private static async Task<byte[]> WaitForMessageAsync(IChannel channel, string queue)
    {
        var result = await Poll.UntilAsync(() => channel.BasicGetAsync(queue, autoAck: true), got => got is not null,
            TimeSpan.FromSeconds(10), $"a message on {queue}", TimeSpan.FromMilliseconds(50));
        return result!.Body.ToArray();
    }
}
