using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// The key's wire form, <c>tp_</c> + 32 random bytes in base64url (43 characters), and its stored form, SHA-256 in hex.
/// A plain SHA-256 is enough here, unlike for passwords: the secret is 256 bits from the system's CSPRNG, so there is
/// no dictionary to try and a brute force of 2^256 candidates is out of reach however fast the hash is. A slow hash
/// (PBKDF2, Argon2) would only add that cost to every agent request without making a leaked table any less useless.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "tp_";

    private const int SecretBytes = 32;

    /// <summary>43 base64url characters for 32 bytes (no padding).</summary>
    private const int EncodedLength = 43;

    /// <summary><c>tp_</c> and 9 characters (54 bits): enough to find one row among millions, not enough to help a guess.</summary>
    public const int LookupLength = 12;

    public static (string Key, string LookupPrefix, string Hash) Generate()
    {
        var key = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (key, key[..LookupLength], Hash(key));
    }

    /// <summary>Whether the text has the shape of a key (prefix, length, alphabet); says nothing about whether it exists.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: EncodedLength + 3 } && key.StartsWith(Prefix, StringComparison.Ordinal) && key.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    public static string LookupPrefixOf(string key) => key[..LookupLength];

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
