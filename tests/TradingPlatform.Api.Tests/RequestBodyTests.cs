using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>Bad bodies are a clear 4xx in the envelope, never a 500, and anonymous callers of protected routes get 401.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RequestBodyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Malformed_json_is_a_400_saying_where()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/login", "{\"email\": \"a@b.c\", \"password\": ");

        var json = await Envelope.AssertErrorAsync(response, 400, "VALIDATION_ERROR");
        Assert.Contains("not valid JSON", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_is_a_400()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/login", "{\"email\": \"a@b.c\", \"password\": \"Secret123\", \"rememberMe\": NaN}");

        await Envelope.AssertErrorAsync(response, 400, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/login", "email=a@b.c&password=x", "application/x-www-form-urlencoded");

        await Envelope.AssertErrorAsync(response, 415, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Invalid_fields_are_a_422_with_field_level_details()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.PostJsonTextAsync("/api/auth/register",
            JsonSerializer.Serialize(new { email = "not-an-email", password = "short", name = new string('n', 500) }));

        var json = await Envelope.AssertErrorAsync(response, 422, "VALIDATION_ERROR");
        var details = json.GetProperty("error").GetProperty("details");
        Assert.True(details.TryGetProperty("email", out _), details.GetRawText());
        Assert.True(details.TryGetProperty("password", out _), details.GetRawText());
        Assert.True(details.TryGetProperty("name", out _), details.GetRawText());
    }

    [Fact]
    public async Task A_protected_route_without_a_token_is_a_401_in_the_envelope()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/status");

        await Envelope.AssertErrorAsync(response, 401, "AUTHENTICATION_ERROR");
    }
}
