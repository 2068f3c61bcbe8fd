using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.Parameters;

/// <summary>
/// Generated secrets kept in <c>parameters.json</c> in the data folder (readable by its owner only). They live beside
/// the data they protect: a cluster initialised with a password, or a broker whose user was created with one, only
/// works with that password, so deleting the folder resets both together and nothing else can drift from it.
/// </summary>
internal sealed class ParameterStore(string dataPath)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock _gate = new();

    private string FilePath => Path.Combine(dataPath, "parameters.json");

    public string GetOrCreate(string name)
    {
        lock (_gate)
        {
            var stored = Load();
            if (!stored.TryGetValue(name, out var value))
            {
                value = Generate();
                stored[name] = value;
                Save(stored);
            }

            return value;
        }
    }

    /// <summary>
    /// Letters and digits only, so a value is safe in any connection string or URI, with at least one upper-case
    /// letter, lower-case letter and digit, so it also passes password rules (the seeded users' passwords are
    /// parameters too). 48 of them carry about 285 bits, enough for an HMAC-SHA256 signing key.
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
                $"parameters: {FilePath} is not valid JSON ({ex.Message}); fix it, or delete it together with the servers' data folders");
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
