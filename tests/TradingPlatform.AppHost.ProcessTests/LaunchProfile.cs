using System.Text.Json;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>
/// The environment a launch profile gives the process, as `dotnet run` applies it and ./run.sh copies it: its
/// <c>environmentVariables</c>, and <c>applicationUrl</c> as <c>ASPNETCORE_URLS</c>.
/// </summary>
internal static class LaunchProfile
{
    public static IReadOnlyDictionary<string, string> Environment(string launchSettingsPath, string profileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(launchSettingsPath));
        var profile = document.RootElement.GetProperty("profiles").GetProperty(profileName);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.TryGetProperty("environmentVariables", out var variables))
        {
            foreach (var variable in variables.EnumerateObject())
            {
                environment[variable.Name] = variable.Value.GetString() ?? "";
            }
        }

        if (profile.TryGetProperty("applicationUrl", out var urls))
        {
            environment["ASPNETCORE_URLS"] = urls.GetString() ?? "";
        }

        return environment;
    }
}
