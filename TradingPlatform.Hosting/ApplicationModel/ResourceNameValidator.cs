using System.Text.RegularExpressions;

namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>Resource names become environment-variable and host names, so they follow Aspire's rule.</summary>
internal static partial class ResourceNameValidator
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{0,63}$")]
    private static partial Regex ValidName();

    public static void ThrowIfInvalid(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ValidName().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use ASCII letters, digits and single hyphens, starting with a letter (at most 64 characters).",
                nameof(name));
        }
    }
}
