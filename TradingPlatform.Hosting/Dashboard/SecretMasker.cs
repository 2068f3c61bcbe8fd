using System.Text.RegularExpressions;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// Masks secrets before the dashboard shows an environment: variables whose name says secret, and the password inside
/// connection strings and URIs. Masked on the server, so a secret never reaches the browser.
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "••••••••";

    private static readonly string[] SecretNames = ["PASSWORD", "SECRET", "KEY", "TOKEN", "PWD", "CREDENTIAL", "COOKIE"];

    public static string MaskValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return Mask;
        }

        var masked = ConnectionStringPassword().Replace(value, m => m.Groups[1].Value + Mask);
        return UriPassword().Replace(masked, m => m.Groups[1].Value + Mask + "@");
    }

    [GeneratedRegex(@"((?:^|[;,])\s*(?:Password|Pwd)\s*=\s*)[^;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(\w+://[^:/@\s]+:)[^@\s]+@")]
    private static partial Regex UriPassword();
}
