using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class OpenApiDocumentTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_with_the_bearer_scheme_and_the_error_envelope()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.", result.Diagnostic?.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.') ?? "", StringComparison.Ordinal);
        var document = result.Document!;
        var scheme = document.Components!.SecuritySchemes!["Bearer"];
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);
        Assert.True(document.Components.Schemas!.ContainsKey("ErrorEnvelope"));

        var status = document.Paths["/api/status"].Operations![HttpMethod.Get];
        Assert.NotEmpty(status.Security!);
        Assert.True(status.Responses!.ContainsKey("401"));
        Assert.True(status.Responses.ContainsKey("429"));
        Assert.NotNull(status.Responses["500"].Content!["application/problem+json"].Example);

        var login = document.Paths["/api/auth/login"].Operations![HttpMethod.Post];
        var loginSchema = login.RequestBody!.Content!["application/json"].Schema!;
        Assert.NotEmpty(loginSchema.Examples!);
        Assert.Contains("email", loginSchema.Properties!.Keys);
    }

    [Fact]
    public async Task The_interactive_reference_is_served_at_docs()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/docs/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("TradingPlatform API", html, StringComparison.Ordinal);
        Assert.True(html.Contains("v1.json", StringComparison.Ordinal), html);
    }
}
