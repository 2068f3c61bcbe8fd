using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TradingPlatform.AppHost.Manifest.Tests;

/// <summary>
/// What azd (or Aspir8) deploys from the AppHost: the manifest Aspire 13.6 writes in publish mode, where postgres,
/// cache and messaging are always Aspire's containers, never this machine's local server processes.
/// </summary>
public sealed partial class ManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    private static readonly string[] Projects = ["api", "ai", "worker"];

    private static readonly string[] Containers = ["postgres", "cache", "messaging"];

    /// <summary>The optional model's parameters (empty by default: the offline defaults), and the <c>Llm</c> keys they become.</summary>
    private static readonly (string Parameter, string Variable)[] LlmParameters =
        [("llm-endpoint", "Llm__Endpoint"), ("llm-chat-model", "Llm__ChatModel"), ("llm-embedding-model", "Llm__EmbeddingModel"), ("llm-api-key", "Llm__ApiKey")];

    private static readonly string[] Secrets =
        ["postgres-password", "cache-password", "messaging-password", "jwt-signing-key", "demo-trader-password", "admin-password"];

    [Fact]
    public void The_publisher_exits_0_and_writes_only_the_manifest()
    {
        Assert.True(manifest.ExitCode == 0, $"exit code {manifest.ExitCode}:\n{manifest.Output}");
        Assert.Contains("Published manifest to: " + manifest.ManifestPath, manifest.Output, StringComparison.Ordinal);
        Assert.Equal([manifest.ManifestPath], Directory.GetFiles(manifest.Folder, "*", SearchOption.AllDirectories));
        // Publish mode generates no secret and starts no server: the run-mode data folder is never created.
        Assert.False(Directory.Exists(manifest.DataPath), $"{manifest.DataPath} was created while publishing");
    }

    [Fact]
    public void The_deployable_resources_are_exactly_the_apphosts_and_no_local_server_process()
    {
        // Aspire adds helpers of its own (annotated.string uri-encoded passwords, a value.v0 for cache's TLS
        // condition); everything that runs or holds a secret is named here.
        string[] expected = [.. Secrets, .. Containers, "tradingdb", .. Projects, .. LlmParameters.Select(p => p.Parameter)];
        var deployable = manifest.Resources
            .Where(r => (string?)r.Value?["type"] is "container.v0" or "project.v0" or "parameter.v0" or "executable.v0"
                || r.Key == "tradingdb")
            .Select(r => r.Key);
        Assert.Equal(expected.Order(StringComparer.Ordinal), deployable.Order(StringComparer.Ordinal));
        Assert.All(manifest.Resources, r => Assert.Contains((string?)r.Value?["type"], KnownTypes));
    }

    private static readonly string[] KnownTypes = ["container.v0", "project.v0", "parameter.v0", "value.v0", "annotated.string"];

    [Theory]
    [InlineData("postgres", "docker.io/library/postgres:", "/var/lib/postgresql", 5432)]
    [InlineData("cache", "docker.io/library/redis:", "/data", 6379)]
    [InlineData("messaging", "docker.io/library/rabbitmq:", "/var/lib/rabbitmq", 5672)]
    public void Each_server_is_a_container_with_a_data_volume(string name, string imagePrefix, string dataTarget, int port)
    {
        var resource = manifest.Resource(name);
        Assert.Equal("container.v0", (string?)resource["type"]);
        var image = (string?)resource["image"];
        Assert.NotNull(image);
        Assert.StartsWith(imagePrefix, image, StringComparison.Ordinal);
        Assert.Matches(@":\d+(\.\d+)*$", image); // a pinned tag, not latest
        var volumes = (resource["volumes"] as JsonArray ?? []).Concat(resource["bindMounts"] as JsonArray ?? []).ToList();
        var volume = Assert.Single(volumes);
        Assert.Equal(dataTarget, (string?)volume!["target"]);
        Assert.False((bool?)volume["readOnly"] ?? false, $"{name}'s data volume is read-only");
        Assert.Matches($"^[a-z0-9.-]+-{name}-data$", (string?)volume["name"] ?? (string?)volume["source"] ?? "");
        Assert.Equal(port, (int?)resource["bindings"]?["tcp"]?["targetPort"]);
        Assert.False(string.IsNullOrEmpty((string?)resource["connectionString"]), $"{name} has no connection string");
    }

    [Fact]
    public void Each_server_takes_its_password_from_its_secret_parameter()
    {
        Assert.Equal("{postgres-password.value}", (string?)manifest.Resource("postgres")["env"]?["POSTGRES_PASSWORD"]);
        Assert.Equal("{cache-password.value}", (string?)manifest.Resource("cache")["env"]?["REDIS_PASSWORD"]);
        Assert.Equal("{messaging-password.value}", (string?)manifest.Resource("messaging")["env"]?["RABBITMQ_DEFAULT_PASS"]);
        Assert.Contains("{postgres-password.value}", (string?)manifest.Resource("postgres")["connectionString"], StringComparison.Ordinal);
        Assert.Contains("{cache-password.value}", (string?)manifest.Resource("cache")["connectionString"], StringComparison.Ordinal);
        Assert.Contains("{messaging-password-uri-encoded.value}", (string?)manifest.Resource("messaging")["connectionString"], StringComparison.Ordinal);
        Assert.Equal("{messaging-password.value}", (string?)manifest.Resource("messaging-password-uri-encoded")["value"]);
    }

    [Fact]
    public void Tradingdb_is_a_connection_string_on_postgres()
    {
        var database = manifest.Resource("tradingdb");
        Assert.Equal("value.v0", (string?)database["type"]);
        Assert.Equal("{postgres.connectionString};Database=tradingdb", (string?)database["connectionString"]);
    }

    [Theory]
    [InlineData("api", "TradingPlatform.Api")]
    [InlineData("ai", "TradingPlatform.AiService")]
    [InlineData("worker", "TradingPlatform.Worker")]
    public void Each_service_is_a_project_with_the_three_connection_strings(string name, string project)
    {
        var resource = manifest.Resource(name);
        Assert.Equal("project.v0", (string?)resource["type"]);
        // azd builds the container from this path, relative to the manifest's folder.
        var path = Path.GetFullPath(Path.Combine(manifest.OutputFolder, (string)resource["path"]!));
        Assert.Equal($"{project}.csproj", Path.GetFileName(path));
        Assert.True(File.Exists(path), $"{name}'s project {path} does not exist");
        var env = resource["env"] as JsonObject ?? [];
        Assert.Equal("{tradingdb.connectionString}", (string?)env["ConnectionStrings__tradingdb"]);
        Assert.Equal("{cache.connectionString}", (string?)env["ConnectionStrings__cache"]);
        Assert.Equal("{messaging.connectionString}", (string?)env["ConnectionStrings__messaging"]);
        Assert.NotNull(resource["bindings"]?["http"]);
    }

    [Fact]
    public void Api_finds_ai_and_worker_the_worker_finds_ai_through_service_discovery_and_ai_references_no_service()
    {
        var api = manifest.Resource("api")["env"] as JsonObject ?? [];
        Assert.Equal("{ai.bindings.http.url}", (string?)api["services__ai__http__0"]);
        Assert.Equal("{worker.bindings.http.url}", (string?)api["services__worker__http__0"]);
        var worker = manifest.Resource("worker")["env"] as JsonObject ?? [];
        Assert.Equal("{ai.bindings.http.url}", (string?)worker["services__ai__http__0"]);
        Assert.DoesNotContain(worker, e => e.Key.StartsWith("services__", StringComparison.Ordinal) && !e.Key.StartsWith("services__ai__", StringComparison.Ordinal));
        var ai = manifest.Resource("ai")["env"] as JsonObject ?? [];
        Assert.DoesNotContain(ai, e => e.Key.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public void Api_takes_the_signing_key_and_demo_passwords_from_secret_parameters()
    {
        var api = manifest.Resource("api")["env"] as JsonObject ?? [];
        Assert.Equal("{jwt-signing-key.value}", (string?)api["Jwt__SigningKey"]);
        Assert.Equal("{demo-trader-password.value}", (string?)api["Seed__DemoTraderPassword"]);
        Assert.Equal("{admin-password.value}", (string?)api["Seed__AdminPassword"]);
    }

    [Fact]
    public void Worker_validates_the_api_tokens_for_its_dashboard_with_the_same_signing_key_and_gets_no_demo_password()
    {
        var worker = manifest.Resource("worker")["env"] as JsonObject ?? [];
        Assert.Equal("{jwt-signing-key.value}", (string?)worker["Jwt__SigningKey"]);
        Assert.DoesNotContain(worker, e => e.Key.StartsWith("Seed__", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_parameters_default_to_empty_only_the_key_is_secret_and_ai_and_worker_get_them_as_the_Llm_section()
    {
        foreach (var (name, variable) in LlmParameters)
        {
            var input = manifest.Resource(name)["inputs"]?["value"];
            Assert.Equal("", (string?)input?["default"]?["value"]);
            Assert.Equal(name == "llm-api-key", (bool?)input?["secret"] ?? false);
            foreach (var service in new[] { "ai", "worker" })
            {
                Assert.Equal($"{{{name}.value}}", (string?)(manifest.Resource(service)["env"] as JsonObject ?? [])[variable]);
            }

            Assert.False((manifest.Resource("api")["env"] as JsonObject ?? []).ContainsKey(variable));
        }
    }

    [Theory]
    [MemberData(nameof(SecretNames))]
    public void Each_secret_is_a_secret_parameter_that_azd_generates(string name)
    {
        var parameter = manifest.Resource(name);
        Assert.Equal("parameter.v0", (string?)parameter["type"]);
        Assert.Equal($"{{{name}.inputs.value}}", (string?)parameter["value"]);
        var input = parameter["inputs"]?["value"];
        Assert.Equal("string", (string?)input?["type"]);
        Assert.True((bool?)input?["secret"] ?? false, $"{name} is not secret");
        var generate = input?["default"]?["generate"];
        Assert.NotNull(generate);
        Assert.True(((int?)generate["minLength"] ?? 0) >= 32, $"{name} generates fewer than 32 characters");
        Assert.False((bool?)generate["special"] ?? true, $"{name} may contain characters that break connection strings");
    }

    public static TheoryData<string> SecretNames() => [.. Secrets];

    [Fact]
    public void Only_api_has_external_endpoints()
    {
        Assert.True((bool?)manifest.Resource("api")["bindings"]?["http"]?["external"] ?? false, "api's http endpoint is not external");
        foreach (var (name, resource) in manifest.Resources)
        {
            foreach (var (binding, value) in resource?["bindings"] as JsonObject ?? [])
            {
                Assert.True(name == "api" || !((bool?)value?["external"] ?? false), $"{name}'s {binding} endpoint is external");
            }
        }
    }

    [Fact]
    public void Every_expression_refers_to_a_resource_and_field_in_the_manifest()
    {
        var expressions = manifest.Resources.SelectMany(r => Expressions(r.Value!).Select(e => (Owner: r.Key, Expression: e))).ToList();
        Assert.True(expressions.Count > 50, $"only {expressions.Count} expressions found: the pattern no longer matches the manifest");
        Assert.All(expressions, e => Assert.True(Resolves(manifest.Resources, e.Expression),
            $"{e.Owner}: {{{e.Expression}}} refers to nothing in the manifest"));
    }

    [Fact]
    public void Nothing_of_the_apphosts_resource_api_is_published()
    {
        Assert.False(string.IsNullOrEmpty(manifest.Text), manifest.Output);
        Assert.DoesNotContain("AppHost__ResourceApi", manifest.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ResourceApi", manifest.Text, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Expressions(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => ExpressionPattern().Matches(text).Select(m => m.Groups[1].Value),
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Expressions(p.Value)),
        JsonArray array => array.SelectMany(item => item is null ? [] : Expressions(item)),
        _ => [],
    };

    /// <summary>Whether <c>{resource.field…}</c> names a resource and a field that this resource has.</summary>
    private static bool Resolves(JsonObject resources, string expression)
    {
        var parts = expression.Split('.');
        if (parts.Length < 2 || resources[parts[0]] is not JsonObject target)
        {
            return false;
        }

        return ((string?)target["type"], parts[1..]) switch
        {
            ("parameter.v0", ["value"]) => true,
            ("parameter.v0", ["inputs", var input]) => target["inputs"]?[input] is not null,
            ("annotated.string", ["value"]) => target["value"] is not null,
            ("container.v0" or "value.v0", ["connectionString"]) => target["connectionString"] is not null,
            ("container.v0" or "project.v0", ["bindings", var binding, "host" or "port" or "url" or "targetPort" or "scheme"]) =>
                target["bindings"]?[binding] is not null,
            _ => false,
        };
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)\}")]
    private static partial Regex ExpressionPattern();
}
