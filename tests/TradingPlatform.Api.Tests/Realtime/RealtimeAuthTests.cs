using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeAuthTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_client_authenticates_with_an_auth_message_and_learns_its_user()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAsync(factory);

        var connected = await socket.WaitForAsync("connected");
        Assert.True(connected.GetProperty("data").TryGetProperty("connectionId", out _));
        Assert.False(connected.GetProperty("data").GetProperty("authenticated").GetBoolean());

        await socket.SendAsync(new { type = "auth", token = await factory.MintTokenAsync(user) });
        var authenticated = await socket.WaitForAsync("authenticated");
        Assert.Equal(user.Id, authenticated.GetProperty("data").GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Seed_004s_bare_token_message_also_authenticates()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAsync(factory);
        await socket.SendAsync(new { token = await factory.MintTokenAsync(user) });
        var authenticated = await socket.WaitForAsync("authenticated");
        Assert.Equal(user.Id, authenticated.GetProperty("data").GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task A_client_authenticates_with_a_query_token()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAsync(factory, token: await factory.MintTokenAsync(user));
        var authenticated = await socket.WaitForAsync("authenticated");
        Assert.Equal(user.Id, authenticated.GetProperty("data").GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Without_a_token_the_socket_closes_with_4001_once_the_deadline_passes()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await using var socket = await RealtimeSocket.ConnectAsync(factory);
        await socket.WaitForAsync("connected");

        // Before the deadline the socket still answers (and only ping is allowed).
        factory.Time!.Advance(TimeSpan.FromSeconds(9));
        await socket.SendAsync(new { type = "ping" });
        await socket.WaitForAsync("pong");
        await socket.SendAsync(new { type = "subscribe", channel = "orders" });
        var refused = await socket.WaitForAsync("error");
        Assert.Equal("AUTHENTICATION_ERROR", refused.GetProperty("data").GetProperty("code").GetString());

        factory.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(CloseCodes.Unauthenticated, await socket.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_closes_the_socket_with_4001()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        var forged = TokenForger.Forge(user, TokenForger.Hmac(new string('k', 64)), factory.Time!.GetUtcNow());
        await using var socket = await RealtimeSocket.ConnectAsync(factory);
        await socket.SendAsync(new { type = "auth", token = forged });
        var error = await socket.WaitForAsync("error");
        Assert.Equal("AUTHENTICATION_ERROR", error.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(CloseCodes.Unauthenticated, await socket.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_forged_query_token_closes_the_socket_with_4001()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        var forged = TokenForger.Tamper(await factory.MintTokenAsync(user));
        await using var socket = await RealtimeSocket.ConnectAsync(factory, token: forged);
        Assert.Equal(CloseCodes.Unauthenticated, await socket.WaitForCloseAsync());
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() == "authenticated");
    }

    [Fact]
    public async Task The_socket_closes_with_4001_when_its_token_expires_unless_a_fresh_one_was_sent()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));

        // Ten minutes in, a fresh token moves the expiry; six more minutes pass the first token's expiry and skew.
        factory.Time!.Advance(TimeSpan.FromMinutes(10));
        await socket.SendAsync(new { type = "auth", token = await factory.MintTokenAsync(user) });
        await socket.WaitForAsync("authenticated");
        factory.Time.Advance(TimeSpan.FromMinutes(6));
        await socket.SendAsync(new { type = "ping" });
        await socket.WaitForAsync("pong");

        factory.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(CloseCodes.Unauthenticated, await socket.WaitForCloseAsync());
    }

    [Fact]
    public async Task An_unrefreshed_token_closes_the_socket_with_4001_at_expiry()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        factory.Time!.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(CloseCodes.Unauthenticated, await socket.WaitForCloseAsync());
    }
}
