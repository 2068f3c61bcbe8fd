using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting;

/// <summary>
/// Resolves parameters: <c>Parameters:{name}</c> from configuration wins, then a fixed default, then a value generated
/// once and kept in <c>parameters.json</c> in the data folder (readable by its owner only), so passwords stay the same
/// across runs and never enter the repository.
/// </summary>
internal sealed class ParameterStore(string dataPath, bool persist)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private string FilePath => Path.Combine(dataPath, "parameters.json");

    public void Resolve(IEnumerable<ParameterResource> parameters, IConfiguration configuration)
    {
        var stored = persist ? Load() : new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = false;
        foreach (var parameter in parameters)
        {
            if (configuration[$"Parameters:{parameter.Name}"] is { Length: > 0 } configured)
            {
                parameter.SetValue(configured);
            }
            else if (parameter.DefaultValue is { } fixedValue)
            {
                parameter.SetValue(fixedValue);
            }
            else
            {
                if (!stored.TryGetValue(parameter.Name, out var value))
                {
                    // Letters and digits only, so a value is safe in any connection string or URI. 48 of them carry
                    // about 285 bits, enough for an HMAC-SHA256 signing key too.
                    value = Generate();
                    stored[parameter.Name] = value;
                    changed = true;
                }

                parameter.SetValue(value);
            }
        }

        if (changed && persist)
        {
            Save(stored);
        }
    }

    /// <summary>
    /// A value with at least one upper-case letter, lower-case letter and digit, so it also passes password rules
    /// (the seeded demo users' passwords are parameters too).
    /// </summary>
    internal static string Generate()
    {
        while (true)
        {
            var value = RandomNumberGenerator.GetString(Alphabet, 48);
            if (value.Any(char.IsAsciiLetterUpper) && value.Any(char.IsAsciiLetterLower) && value.Any(char.IsAsciiDigit))
            {
                return value;
            }
        }
    }

    private Dictionary<string, string> Load()
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath))
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new DistributedApplicationException(
                $"parameters: {FilePath} is not valid JSON ({ex.Message}); fix it or delete it together with the servers' data folders");
        }
    }

    private void Save(Dictionary<string, string> values)
    {
        try
        {
            Directory.CreateDirectory(dataPath);
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(values, Indented));
            FilePermissions.RestrictToOwner(temporary);
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException(
                $"parameters: cannot write {FilePath} ({ex.Message}); set AppHost:DataPath to a writable folder");
        }
    }
}
