using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Strategies;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class StrategiesApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await TradingApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    internal static object ValidStrategy(string name = "Momentum") => new
    {
        name,
        description = "Buys strength",
        // Manual: an automated strategy needs an algorithm and an account to become active (the live-strategy tests cover that).
        type = "manual",
        symbols = new[] { "btc-usd", "ETH-USD", "BTC-USD" },
        riskManagement = new { maxRiskPerTrade = 2.5m, maxDailyLoss = 6m, stopLoss = 1.5m, takeProfit = 3m },
        parameters = new { fastPeriod = 12, slowPeriod = 26, mode = "ema" },
    };

    /// <summary>
    /// <see cref="ValidStrategy"/> as a manual strategy: an automated one becomes active only with an algorithm and an
    /// account (StrategyAlgorithmsApiTests), which the status tests here are not about.
    /// </summary>
    internal static object ValidManualStrategy(string name = "Momentum") => new
    {
        name,
        description = "Buys strength",
        type = "manual",
        symbols = new[] { "btc-usd", "ETH-USD", "BTC-USD" },
        riskManagement = new { maxRiskPerTrade = 2.5m, maxDailyLoss = 6m, stopLoss = 1.5m, takeProfit = 3m },
        parameters = new { fastPeriod = 12, slowPeriod = 26, mode = "ema" },
    };

    internal static async Task<string> CreateAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostJsonAsync("/api/strategies", body ?? ValidStrategy());
        return (await response.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Create_answers_201_with_the_whole_strategy_inactive()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonAsync("/api/strategies", ValidStrategy());
            var data = await response.ReadDataAsync(HttpStatusCode.Created);

            var id = data.GetProperty("id").GetString();
            Assert.True(Guid.TryParse(id, out _));
            Assert.Equal($"/api/strategies/{id}", response.Headers.Location?.OriginalString);
            Assert.Equal("Momentum", data.GetProperty("name").GetString());
            Assert.Equal("Buys strength", data.GetProperty("description").GetString());
            Assert.Equal("manual", data.GetProperty("type").GetString());
            Assert.Equal("inactive", data.GetProperty("status").GetString());
            // The catalog's spelling, without the duplicate.
            Assert.Equal(["BTC-USD", "ETH-USD"], data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
            var risk = data.GetProperty("riskManagement");
            Assert.Equal(2.5m, risk.GetProperty("maxRiskPerTrade").GetDecimal());
            Assert.Equal(6m, risk.GetProperty("maxDailyLoss").GetDecimal());
            Assert.Equal(1.5m, risk.GetProperty("stopLoss").GetDecimal());
            Assert.Equal(3m, risk.GetProperty("takeProfit").GetDecimal());
            var parameters = data.GetProperty("parameters");
            Assert.Equal(12, parameters.GetProperty("fastPeriod").GetInt32());
            Assert.Equal("ema", parameters.GetProperty("mode").GetString());
            var performance = data.GetProperty("performance");
            Assert.Equal(0, performance.GetProperty("totalTrades").GetInt32());
            Assert.Equal(0m, performance.GetProperty("winRate").GetDecimal());
            Assert.Equal(0m, performance.GetProperty("totalPnL").GetDecimal());
            Assert.Equal(0m, performance.GetProperty("sharpeRatio").GetDecimal());
            Assert.Equal(data.GetProperty("createdAt").GetDateTimeOffset(), data.GetProperty("updatedAt").GetDateTimeOffset());

            // GET answers the same strategy.
            using var get = await client.GetAsync($"/api/strategies/{id}");
            var read = await get.ReadDataAsync();
            Assert.Equal(id, read.GetProperty("id").GetString());
            Assert.Equal("Momentum", read.GetProperty("name").GetString());
            Assert.Equal(26, read.GetProperty("parameters").GetProperty("slowPeriod").GetInt32());
        }
    }

    [Fact]
    public async Task Defaults_apply_when_risk_and_parameters_are_left_out()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonAsync("/api/strategies", new { name = "Plain", type = "manual", symbols = new[] { "AAPL" } });
            var data = await response.ReadDataAsync(HttpStatusCode.Created);
            Assert.Equal("manual", data.GetProperty("type").GetString());
            Assert.Equal("", data.GetProperty("description").GetString());
            Assert.Equal(JsonValueKind.Object, data.GetProperty("parameters").ValueKind);
            Assert.Empty(data.GetProperty("parameters").EnumerateObject());
            Assert.Equal(1m, data.GetProperty("riskManagement").GetProperty("maxRiskPerTrade").GetDecimal());
        }
    }

    [Fact]
    public async Task The_list_holds_only_the_callers_strategies_with_seed_001_pagination()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (client)
        using (other)
        {
            var first = await CreateAsync(client, ValidStrategy("First"));
            var second = await CreateAsync(client, ValidStrategy("Second"));
            var third = await CreateAsync(client, ValidStrategy("Third"));
            var foreign = await CreateAsync(other, ValidStrategy("Foreign"));

            using var page1 = await client.GetAsync("/api/strategies?page=1&limit=2");
            var json1 = await page1.ReadJsonAsync();
            Assert.True(json1.GetProperty("success").GetBoolean());
            var pagination = json1.GetProperty("pagination");
            Assert.Equal(1, pagination.GetProperty("page").GetInt32());
            Assert.Equal(2, pagination.GetProperty("limit").GetInt32());
            Assert.Equal(3, pagination.GetProperty("total").GetInt32());
            Assert.Equal(2, pagination.GetProperty("totalPages").GetInt32());
            using var page2 = await client.GetAsync("/api/strategies?page=2&limit=2");
            var json2 = await page2.ReadJsonAsync();

            var ids = json1.GetProperty("data").EnumerateArray().Concat(json2.GetProperty("data").EnumerateArray())
                .Select(s => s.GetProperty("id").GetString()).ToList();
            Assert.Equal([third, second, first], ids); // newest first
            Assert.DoesNotContain(foreign, ids);

            using var bad = await client.GetAsync("/api/strategies?status=running");
            var error = await ApiJson.AssertErrorEnvelopeAsync(bad, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("status", out _));
        }
    }

    [Fact]
    public async Task Update_changes_fields_and_moves_the_status_along_the_transition_table()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await CreateAsync(client, ValidManualStrategy());

            // inactive → paused is refused: nothing is running.
            using (var refused = await client.PutJsonAsync($"/api/strategies/{id}", new { status = "paused", name = "Never applied" }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            using (var activate = await client.PutJsonAsync($"/api/strategies/{id}", new
            {
                status = "active",
                name = "Momentum v2",
                symbols = new[] { "xau-usd" },
                riskManagement = new { stopLoss = 2m },
                parameters = new { lookback = 50 },
            }))
            {
                var data = await activate.ReadDataAsync();
                Assert.Equal("active", data.GetProperty("status").GetString());
                Assert.Equal("Momentum v2", data.GetProperty("name").GetString());
                Assert.Equal("Buys strength", data.GetProperty("description").GetString()); // left out: kept
                Assert.Equal(["XAU-USD"], data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
                Assert.Equal(2m, data.GetProperty("riskManagement").GetProperty("stopLoss").GetDecimal());
                Assert.Equal(2.5m, data.GetProperty("riskManagement").GetProperty("maxRiskPerTrade").GetDecimal()); // kept
                Assert.Equal(50, data.GetProperty("parameters").GetProperty("lookback").GetInt32());
                Assert.False(data.GetProperty("parameters").TryGetProperty("fastPeriod", out _)); // replaced, not merged
                Assert.True(data.GetProperty("updatedAt").GetDateTimeOffset() > data.GetProperty("createdAt").GetDateTimeOffset());
            }

            foreach (var status in new[] { "paused", "active", "paused", "inactive" })
            {
                using var move = await client.PutJsonAsync($"/api/strategies/{id}", new { status });
                Assert.Equal(status, (await move.ReadDataAsync()).GetProperty("status").GetString());
            }

            using var reread = await client.GetAsync($"/api/strategies/{id}");
            var final = await reread.ReadDataAsync();
            Assert.Equal("inactive", final.GetProperty("status").GetString());
            Assert.Equal("Momentum v2", final.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Delete_answers_204_and_the_strategy_is_gone()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await CreateAsync(client);

            using (var deleted = await client.DeleteAsync(new Uri($"/api/strategies/{id}", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            using (var get = await client.GetAsync($"/api/strategies/{id}"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(get, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            }

            using (var again = await client.DeleteAsync(new Uri($"/api/strategies/{id}", UriKind.Relative)))
            {
                await ApiJson.AssertErrorEnvelopeAsync(again, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            }

            using var list = await client.GetAsync("/api/strategies");
            Assert.DoesNotContain(id, (await list.ReadDataAsync()).EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        }
    }

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { """{"name":"","type":"manual","symbols":["AAPL"]}""", "name" },
        { """{"name":"   ","type":"manual","symbols":["AAPL"]}""", "name" },
        { $$"""{"name":"{{new string('x', 101)}}","type":"manual","symbols":["AAPL"]}""", "name" },
        { """{"type":"manual","symbols":["AAPL"]}""", "name" },
        { """{"name":"s","type":"robot","symbols":["AAPL"]}""", "type" },
        { """{"name":"s","symbols":["AAPL"]}""", "type" },
        { """{"name":"s","type":"manual","symbols":["DOGE-USD"]}""", "symbols" },
        { """{"name":"s","type":"manual","symbols":[]}""", "symbols" },
        { """{"name":"s","type":"manual"}""", "symbols" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"maxRiskPerTrade":150}}""", "riskManagement.maxRiskPerTrade" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"stopLoss":-1}}""", "riskManagement.stopLoss" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"maxDailyLoss":100.01}}""", "riskManagement.maxDailyLoss" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"takeProfit":1000.5}}""", "riskManagement.takeProfit" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"parameters":[1,2]}""", "parameters" },
        { """{"name":"s","type":"manual","symbols":["AAPL"],"parameters":"fast"}""", "parameters" },
        { $$$"""{"name":"s","type":"manual","symbols":["AAPL"],"parameters":{"blob":"{{{new string('x', 17 * 1024)}}}"}}""", "parameters" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_strategies_answer_422_naming_the_field(string body, string field)
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/strategies", body);
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            var details = error.GetProperty("details");
            Assert.True(details.TryGetProperty(field, out var messages), $"no '{field}' in {details}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));

            // Nothing was created.
            using var list = await client.GetAsync("/api/strategies");
            Assert.Empty((await list.ReadDataAsync()).EnumerateArray());
        }
    }

    [Theory]
    [InlineData("""{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"maxRiskPerTrade":NaN}}""")]
    [InlineData("""{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"maxRiskPerTrade":"NaN"}}""")]
    [InlineData("""{"name":"s","type":"manual","symbols":["AAPL"],"riskManagement":{"stopLoss":Infinity}}""")]
    public async Task Not_a_number_is_rejected_by_the_json_layer_as_400(string body)
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonTextAsync("/api/strategies", body);
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }
    }

    [Fact]
    public async Task An_update_is_validated_too()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await CreateAsync(client);
            using (var response = await client.PutJsonAsync($"/api/strategies/{id}", new { status = "running" }))
            {
                var details = (await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
                Assert.True(details.TryGetProperty("status", out _), details.ToString());
            }

            using (var response = await client.PutJsonAsync($"/api/strategies/{id}", new { status = "active", symbols = new[] { "NOPE" } }))
            {
                var details = (await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
                Assert.True(details.TryGetProperty("symbols", out _), details.ToString());
            }

            using var get = await client.GetAsync($"/api/strategies/{id}");
            Assert.Equal("inactive", (await get.ReadDataAsync()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Another_user_cannot_read_a_strategy() =>
        await _factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/strategies/{id}", createResource: (_, owner) => CreateAsync(owner));

    [Fact]
    public async Task Another_user_cannot_change_a_strategy() =>
        await _factory.AssertOnlyOwnerCanAsync(
            HttpMethod.Put, "/api/strategies/{id}", new { name = "Hijacked", status = "active" },
            createResource: (_, owner) => CreateAsync(owner, ValidManualStrategy()),
            verifyUnchanged: async (owner, id) =>
            {
                using var get = await owner.GetAsync($"/api/strategies/{id}");
                var data = await get.ReadDataAsync();
                Assert.Equal("Momentum", data.GetProperty("name").GetString());
                Assert.Equal("inactive", data.GetProperty("status").GetString());
            });

    [Fact]
    public async Task Another_user_cannot_delete_a_strategy() =>
        await _factory.AssertOnlyOwnerCanAsync(
            HttpMethod.Delete, "/api/strategies/{id}",
            createResource: (_, owner) => CreateAsync(owner),
            verifyUnchanged: async (owner, id) =>
            {
                using var get = await owner.GetAsync($"/api/strategies/{id}");
                Assert.Equal(id, (await get.ReadDataAsync()).GetProperty("id").GetString());
            });

    [Fact]
    public async Task Another_users_strategy_answers_exactly_like_an_unknown_one()
    {
        var (_, owner) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (owner)
        using (other)
        {
            var id = await CreateAsync(owner);
            using var foreign = await other.GetAsync($"/api/strategies/{id}");
            using var unknown = await other.GetAsync($"/api/strategies/{Guid.NewGuid()}");
            var foreignError = await ApiJson.AssertErrorEnvelopeAsync(foreign, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            var unknownError = await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            Assert.Equal(unknownError.GetProperty("message").GetString(), foreignError.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Viewers_read_but_cannot_create_and_anonymous_callers_get_401()
    {
        var (_, viewer) = await _factory.CreateUserWithClientAsync("viewer");
        using (viewer)
        {
            using var list = await viewer.GetAsync("/api/strategies");
            Assert.Empty((await list.ReadDataAsync()).EnumerateArray());
            using var create = await viewer.PostJsonAsync("/api/strategies", ValidStrategy());
            await ApiJson.AssertErrorEnvelopeAsync(create, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
        }

        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/strategies");
        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }
}
