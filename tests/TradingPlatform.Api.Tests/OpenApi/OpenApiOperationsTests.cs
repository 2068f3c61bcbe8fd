using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.OpenApi;

/// <summary>
/// Every operation of the live <c>/openapi/v1.json</c> is one a generated client can call by a real name: a unique,
/// PascalCase operationId, a summary, and the security its endpoint really demands (read here from the endpoint's own
/// authorization metadata, not from the transformer that writes it).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed partial class OpenApiOperationsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Every_operation_has_a_unique_name_a_summary_and_the_security_its_endpoint_demands()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var document = (await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings())).Document!;

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var problems = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var operations = 0;
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations++;
                var where = $"{method.Method} {path}";
                if (string.IsNullOrWhiteSpace(operation.Summary))
                {
                    problems.Add($"{where}: no summary");
                }

                if (string.IsNullOrWhiteSpace(operation.OperationId))
                {
                    problems.Add($"{where}: no operationId");
                    continue;
                }

                if (!MethodName().IsMatch(operation.OperationId))
                {
                    problems.Add($"{where}: operationId {operation.OperationId} is not a PascalCase method name");
                }

                if (names.TryGetValue(operation.OperationId, out var other))
                {
                    problems.Add($"{where}: operationId {operation.OperationId} is also {other}'s");
                }

                names[operation.OperationId] = where;
                if (!endpoints.TryGetValue(operation.OperationId, out var endpoint))
                {
                    problems.Add($"{where}: no endpoint is named {operation.OperationId}");
                    continue;
                }

                var demandsToken = (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null)
                    && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
                var schemes = (operation.Security ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id).ToList();
                if (operation.Security is not { Count: > 0 })
                {
                    problems.Add($"{where}: declares no security at all (protected or anonymous, it should say which)");
                }
                else if (demandsToken && !schemes.Contains("Bearer"))
                {
                    problems.Add($"{where}: needs authorization but does not declare the bearer scheme");
                }
                else if (!demandsToken && schemes.Count > 0)
                {
                    problems.Add($"{where}: is anonymous but declares {string.Join(", ", schemes)}");
                }
            }
        }

        Assert.True(operations > 100, $"Only {operations} operations in the document.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(document.Paths["/api/auth/login"].Operations![HttpMethod.Post].Security!, r => r.Count == 0);
        Assert.Contains(document.Paths["/api/news/{id}"].Operations![HttpMethod.Get].Parameters!, p => p.Name == "id" && p.In == ParameterLocation.Path);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex MethodName();
}
