using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// <c>--publisher manifest</c> as azd runs it: the real AppHost process writes the manifest and starts nothing, and the
/// manifest only uses what azd deploys and only refers to what exists.
/// </summary>
public sealed partial class ManifestPublishingTests : IDisposable
{
    private static readonly HashSet<string> AzdTypes = ["project.v0", "container.v0", "value.v0", "parameter.v0"];
    private readonly string _folder = Directory.CreateTempSubdirectory("manifest-").FullName;

    [Fact]
    public async Task The_published_manifest_uses_azd_types_refers_only_to_existing_resources_and_fields_and_keeps_secrets_in_parameters()
    {
        var (exitCode, output) = await PublishAsync(Path.Combine(_folder, "out"));
        Assert.True(exitCode == 0, output);
        // A path not ending in .json is a folder that receives aspire-manifest.json; nothing else is written there.
        var manifestPath = Path.Combine(_folder, "out", "aspire-manifest.json");
        Assert.Equal([manifestPath], Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
        var resources = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!["resources"]!.AsObject();

        // The app model the AppHost's Program builds, for the names and references the manifest must carry.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradingPlatform_AppHost>();
        Assert.Equal(builder.Resources.Select(r => r.Name).Order(), resources.Select(r => r.Key).Order());

        foreach (var (name, node) in resources)
        {
            var type = (string)node!["type"]!;
            Assert.True(AzdTypes.Contains(type), $"{name} is {type}, which azd does not deploy");
            foreach (var expression in Expressions(node))
            {
                Assert.True(Resolves(resources, expression), $"{name}: {{{expression}}} refers to nothing in the manifest");
            }
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var node = resources[project.Name]!;
            Assert.Equal("project.v0", (string)node["type"]!);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, (string)node["path"]!))),
                $"{project.Name}'s path {(string)node["path"]!} does not exist relative to the manifest");
            var env = node["env"]!.AsObject();
            foreach (var reference in project.References)
            {
                var expected = reference is IResourceWithConnectionString
                    ? $"ConnectionStrings__{reference.Name}"
                    : $"services__{reference.Name}__http__0";
                Assert.True(env.ContainsKey(expected), $"{project.Name} references {reference.Name} but the manifest has no {expected}");
            }

            foreach (var (variable, value) in project.ManifestEnvironment)
            {
                Assert.Equal(value, (string?)env[variable]);
            }

            Assert.Equal(project.Endpoints.Any(e => e.IsExternal), node["bindings"]!["http"]!["external"] is not null);
        }

        // Every secret is a secret parameter with a generated default, and anything that carries one refers to it.
        foreach (var parameter in builder.Resources.OfType<ParameterResource>().Where(p => p.Secret))
        {
            var input = resources[parameter.Name]!["inputs"]!["value"]!;
            Assert.True((bool)input["secret"]!, $"{parameter.Name} is not marked secret");
            Assert.NotNull(input["default"]!["generate"]);
        }

        var api = resources["api"]!["env"]!;
        Assert.Equal("{jwt-signing-key.value}", (string?)api["Jwt__SigningKey"]);
        Assert.Equal("{postgres-password.value}", (string?)resources["postgres"]!["env"]!["POSTGRES_PASSWORD"]);
        Assert.Contains("{messaging-password.value}", (string)resources["messaging"]!["connectionString"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_ending_in_json_is_the_manifest_file_itself()
    {
        var path = Path.Combine(_folder, "nested", "deploy.json");
        var (exitCode, output) = await PublishAsync(path);
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(path));
        Assert.Contains("Published manifest to: " + path, output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Output)> PublishAsync(string outputPath)
    {
        var projectDirectory = Path.GetDirectoryName(new Projects.TradingPlatform_AppHost().ProjectPath)!;
        var assembly = Directory.GetFiles(Path.Combine(projectDirectory, "bin"), "TradingPlatform.AppHost.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var startInfo = new ProcessStartInfo("dotnet", [assembly, "--publisher", "manifest", "--output-path", outputPath])
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Were anything started or generated, it would land here, and the test would find it.
        startInfo.Environment["AppHost__DataPath"] = Path.Combine(Path.GetDirectoryName(outputPath)!, "..", "data-would-go-here");
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static IEnumerable<string> Expressions(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => ExpressionPattern().Matches(text).Select(m => m.Groups[1].Value),
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Expressions(p.Value)),
        JsonArray array => array.SelectMany(item => item is null ? [] : Expressions(item)),
        _ => [],
    };

    /// <summary>Whether <c>{resource.field…}</c> names a resource and a field that resource type has.</summary>
    private static bool Resolves(JsonObject resources, string expression)
    {
        var parts = expression.Split('.');
        if (parts.Length < 2 || resources[parts[0]] is not { } target)
        {
            return false;
        }

        return ((string)target["type"]!, parts[1..]) switch
        {
            ("parameter.v0", ["value"]) => true,
            ("parameter.v0", ["inputs", var input]) => target["inputs"]?[input] is not null,
            ("container.v0" or "value.v0", ["connectionString"]) => target["connectionString"] is not null,
            ("container.v0" or "project.v0", ["bindings", var binding, "host" or "port" or "url" or "targetPort"]) =>
                target["bindings"]?[binding] is not null,
            _ => false,
        };
    }

    [GeneratedRegex(@"\{([A-Za-z0-9\-_.]+)\}")]
    private static partial Regex ExpressionPattern();
}
