using System.Text.Json;

namespace TradingPlatform.Hosting;

/// <summary>The parts of a project's launch profile that Aspire honours: its http port and environment.</summary>
internal sealed record LaunchProfile(int? HttpPort, string? EnvironmentName)
{
    public static LaunchProfile? Read(string projectDirectory)
    {
        var path = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        if (!document.RootElement.TryGetProperty("profiles", out var profiles))
        {
            return null;
        }

        foreach (var profile in profiles.EnumerateObject())
        {
            if (!profile.Value.TryGetProperty("commandName", out var command) || command.GetString() != "Project")
            {
                continue;
            }

            return new LaunchProfile(ReadHttpPort(profile.Value), ReadEnvironment(profile.Value));
        }

        return null;
    }

    private static int? ReadHttpPort(JsonElement profile)
    {
        if (!profile.TryGetProperty("applicationUrl", out var urls) || urls.GetString() is not { } value)
        {
            return null;
        }

        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
            {
                return uri.Port;
            }
        }

        return null;
    }

    private static string? ReadEnvironment(JsonElement profile) =>
        profile.TryGetProperty("environmentVariables", out var variables)
        && variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out var environment)
            ? environment.GetString()
            : null;
}
