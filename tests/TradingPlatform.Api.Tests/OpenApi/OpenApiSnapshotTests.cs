using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.OpenApi;

/// <summary>
/// The committed <c>docs/openapi/v1.json</c> is the Api's live document: the AiService ships the committed file as a
/// knowledge source (one passage per operation), so a changed endpoint must change the file with it. With
/// <c>UPDATE_OPENAPI_SNAPSHOT=1</c> the test writes the live document there instead of comparing.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OpenApiSnapshotTests(InfrastructureFixture infrastructure)
{
    private const string Regenerate =
        "UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/TradingPlatform.Api.Tests --filter \"FullyQualifiedName~OpenApiSnapshotTests\"";

    [Fact]
    public async Task The_committed_document_equals_the_live_one()
    {
        await using var factory = new ApiFactory(infrastructure, "Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = Normalise(await response.Content.ReadAsStringAsync());
        var path = SnapshotPath();

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live);
        }

        Assert.True(File.Exists(path), $"{path} is missing; write it with: {Regenerate}");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.True(committed == live, $"docs/openapi/v1.json differs from the Api's live /openapi/v1.json; regenerate it with: {Regenerate}");
    }

    /// <summary>Object members sorted by name, indented, one trailing newline: a diff shows only what changed.</summary>
    internal static string Normalise(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidDataException("The OpenAPI document is JSON null.");
        return Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string SnapshotPath()
    {
        // The test runs from its bin folder; the repository root is the folder above it that holds the solution.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingPlatform.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "openapi", "v1.json");
            }
        }

        throw new DirectoryNotFoundException($"No TradingPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
