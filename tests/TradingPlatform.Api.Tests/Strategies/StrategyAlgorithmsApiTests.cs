using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Strategies;

/// <summary>
/// Strategies with an algorithm: the catalog of algorithms, parameters stored bound (defaults filled in) and refused at
/// their own field, the interval and the account, and what an automated strategy needs before it may be active.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class StrategyAlgorithmsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await TradingApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Automated(object? parameters = null, string? algorithm = "sma_crossover", Guid? accountId = null, string? interval = null) => new
    {
        name = "Crossover",
        type = "automated",
        algorithm,
        symbols = new[] { "BTC-USD" },
        interval,
        accountId,
        parameters = parameters ?? new { fast = 8 },
    };

    [Fact]
    public async Task The_algorithms_endpoint_lists_the_six_algorithms_with_their_typed_parameters()
    {
        var (_, viewer) = await _factory.CreateUserWithClientAsync("viewer");
        using (viewer)
        {
            using var response = await viewer.GetAsync("/api/strategies/algorithms");
            var algorithms = (await response.ReadDataAsync()).EnumerateArray().ToList();

            Assert.Equal(["sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd", "donchian_breakout"],
                algorithms.Select(a => a.GetProperty("code").GetString()));
            Assert.All(algorithms, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("description").GetString()));
                var parameters = a.GetProperty("parameters").EnumerateArray().ToList();
                Assert.NotEmpty(parameters);
                Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "allowShort" && p.GetProperty("kind").GetString() == "boolean");
                Assert.All(parameters, p =>
                {
                    Assert.Contains(p.GetProperty("kind").GetString(), new[] { "integer", "real", "boolean" });
                    Assert.InRange(p.GetProperty("default").GetDouble(), p.GetProperty("min").GetDouble(), p.GetProperty("max").GetDouble());
                    Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
                });
            });
            var sma = algorithms[0].GetProperty("parameters").EnumerateArray()
                .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("kind").GetString(), p.GetProperty("min").GetDouble(), p.GetProperty("max").GetDouble(), p.GetProperty("default").GetDouble()));
            Assert.Equal([("fast", "integer", 1d, 1000d, 10d), ("slow", "integer", 2d, 5000d, 30d), ("allowShort", "boolean", 0d, 1d, 0d)], sma);
        }
    }

    [Fact]
    public async Task A_strategy_with_an_algorithm_is_stored_with_its_parameters_bound_and_defaults_filled_in()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonAsync("/api/strategies", Automated(new { fast = 8, allowShort = true }, interval: "15m"));
            var data = await response.ReadDataAsync(HttpStatusCode.Created);

            Assert.Equal("sma_crossover", data.GetProperty("algorithm").GetString());
            Assert.Equal("15m", data.GetProperty("interval").GetString());
            Assert.Equal(JsonValueKind.Null, data.GetProperty("accountId").ValueKind);
            AssertParameters(data.GetProperty("parameters"), ("fast", 8), ("slow", 30), ("allowShort", true));

            using var get = await client.GetAsync($"/api/strategies/{data.GetProperty("id").GetString()}");
            var read = await get.ReadDataAsync();
            AssertParameters(read.GetProperty("parameters"), ("fast", 8), ("slow", 30), ("allowShort", true));
            Assert.Equal("15m", read.GetProperty("interval").GetString());

            // Without an interval a strategy decides on hourly bars.
            using var plain = await client.PostJsonAsync("/api/strategies", Automated(new { }, algorithm: "rsi_mean_reversion"));
            var plainData = await plain.ReadDataAsync(HttpStatusCode.Created);
            Assert.Equal("1h", plainData.GetProperty("interval").GetString());
            Assert.Contains(plainData.GetProperty("parameters").EnumerateObject(), p => p.Name == "allowShort" && p.Value.ValueKind == JsonValueKind.False);
        }
    }

    public static TheoryData<string, string, string> InvalidAlgorithmInput => new()
    {
        // body members, field, part of the message
        { """ "algorithm":"sma_crossover","parameters":{"fast":30,"slow":30} """, "parameters.slow", "The slow average (30 bars) must be longer than the fast one (30 bars)." },
        { """ "algorithm":"sma_crossover","parameters":{"fast":5,"lookback":3} """, "parameters.lookback", "sma_crossover has no parameter 'lookback'" },
        { """ "algorithm":"sma_crossover","parameters":{"fast":"5"} """, "parameters.fast", "fast must be a number (or true/false for a flag)." },
        { """ "algorithm":"sma_crossover","parameters":{"fast":0} """, "parameters.fast", "fast must be between 1 and 1000; it was 0." },
        { """ "algorithm":"sma_crossover","parameters":{"allowShort":2} """, "parameters.allowShort", "allowShort is true or false." },
        { """ "algorithm":"grid","parameters":{} """, "algorithm", "Unknown algorithm 'grid'" },
        { """ "algorithm":"macd","interval":"2h" """, "interval", "1m, 5m, 15m, 1h, 4h" },
    };

    [Theory]
    [MemberData(nameof(InvalidAlgorithmInput))]
    public async Task Invalid_algorithm_input_answers_422_at_its_field_and_creates_nothing(string members, string field, string message)
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/strategies", $$"""{"name":"s","type":"automated","symbols":["BTC-USD"],{{members}}}""");

            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            var details = error.GetProperty("details");
            Assert.True(details.TryGetProperty(field, out var messages), $"no '{field}' in {details}");
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
            using var list = await client.GetAsync("/api/strategies");
            Assert.Empty((await list.ReadDataAsync()).EnumerateArray());
        }
    }

    [Fact]
    public async Task New_parameters_for_the_stored_algorithm_are_checked_against_it_on_update()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await StrategiesApiTests.CreateAsync(client, Automated(new { fast = 8, slow = 40 }));

            using (var refused = await client.PutJsonAsync($"/api/strategies/{id}", new { parameters = new { fast = 50, slow = 40 } }))
            {
                var details = (await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
                Assert.True(details.TryGetProperty("parameters.slow", out _), details.ToString());
            }

            using (var get = await client.GetAsync($"/api/strategies/{id}"))
            {
                AssertParameters((await get.ReadDataAsync()).GetProperty("parameters"), ("fast", 8), ("slow", 40), ("allowShort", false));
            }

            // Accepted ones are stored bound, defaults filled in again.
            using var changed = await client.PutJsonAsync($"/api/strategies/{id}", new { parameters = new { slow = 12 } });
            AssertParameters((await changed.ReadDataAsync()).GetProperty("parameters"), ("fast", 10), ("slow", 12), ("allowShort", false));
        }
    }

    [Fact]
    public async Task An_account_of_another_user_is_refused_at_accountId_on_create_and_update()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (client)
        using (other)
        {
            var theirs = await other.CreateAccountAsync();
            var mine = await client.CreateAccountAsync();

            using (var create = await client.PostJsonAsync("/api/strategies", Automated(accountId: theirs)))
            {
                var details = (await ApiJson.AssertErrorEnvelopeAsync(create, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
                Assert.Equal("Not one of your accounts.", details.GetProperty("accountId")[0].GetString());
            }

            using (var unknown = await client.PostJsonAsync("/api/strategies", Automated(accountId: Guid.NewGuid())))
            {
                await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using (var list = await client.GetAsync("/api/strategies"))
            {
                Assert.Empty((await list.ReadDataAsync()).EnumerateArray());
            }

            var id = await StrategiesApiTests.CreateAsync(client, Automated(accountId: mine));
            using (var update = await client.PutJsonAsync($"/api/strategies/{id}", new { accountId = theirs }))
            {
                var details = (await ApiJson.AssertErrorEnvelopeAsync(update, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
                Assert.True(details.TryGetProperty("accountId", out _), details.ToString());
            }

            using var get = await client.GetAsync($"/api/strategies/{id}");
            Assert.Equal(mine, (await get.ReadDataAsync()).GetProperty("accountId").GetGuid());
        }
    }

    [Fact]
    public async Task An_automated_strategy_becomes_active_only_with_an_algorithm_and_an_account()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var account = await client.CreateAccountAsync();
            var withoutAlgorithm = await StrategiesApiTests.CreateAsync(client, Automated(new { lookback = 5 }, algorithm: null, accountId: account));
            var withoutAccount = await StrategiesApiTests.CreateAsync(client, Automated());

            using (var refused = await client.PutJsonAsync($"/api/strategies/{withoutAlgorithm}", new { status = "active" }))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Conflict, "CONFLICT_ERROR");
                Assert.Equal("An automated strategy needs an algorithm and an accountId before it can be active.", error.GetProperty("message").GetString());
                Assert.True(error.GetProperty("details").TryGetProperty("algorithm", out _));
            }

            using (var refused = await client.PutJsonAsync($"/api/strategies/{withoutAccount}", new { status = "active" }))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Conflict, "CONFLICT_ERROR");
                Assert.True(error.GetProperty("details").TryGetProperty("accountId", out _));
            }

            foreach (var id in new[] { withoutAlgorithm, withoutAccount })
            {
                using var get = await client.GetAsync($"/api/strategies/{id}");
                Assert.Equal("inactive", (await get.ReadDataAsync()).GetProperty("status").GetString());
            }

            // Given what it lacked, in the same request, it may.
            using (var active = await client.PutJsonAsync($"/api/strategies/{withoutAccount}", new { status = "active", accountId = account }))
            {
                Assert.Equal("active", (await active.ReadDataAsync()).GetProperty("status").GetString());
            }

            using var stopped = await client.PutJsonAsync($"/api/strategies/{withoutAccount}", new { status = "inactive" });
            Assert.Equal("inactive", (await stopped.ReadDataAsync()).GetProperty("status").GetString());

            // A manual strategy needs neither.
            var manual = await StrategiesApiTests.CreateAsync(client, new { name = "Manual", type = "manual", symbols = new[] { "AAPL" } });
            using var manualActive = await client.PutJsonAsync($"/api/strategies/{manual}", new { status = "active" });
            Assert.Equal("active", (await manualActive.ReadDataAsync()).GetProperty("status").GetString());
        }
    }

    private static void AssertParameters(JsonElement parameters, params (string Name, object Value)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Name).Order(), parameters.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (name, value) in expected)
        {
            var actual = parameters.GetProperty(name);
            switch (value)
            {
                case bool flag:
                    Assert.Equal(flag, actual.GetBoolean());
                    break;
                default:
                    Assert.Equal(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), actual.GetDouble());
                    break;
            }
        }
    }
}
