using System.Security.Claims;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>The claims an API key adds to the user's (<c>sub</c>, <c>email</c>, <c>role</c>, as in an access token).</summary>
public static class ApiKeyClaims
{
    /// <summary>The key's id: present only when the caller authenticated with a key.</summary>
    public const string KeyId = "api_key_id";

    public const string KeyName = "api_key_name";

    /// <summary>One claim per scope of the key.</summary>
    public const string Scope = "scope";

    public static bool IsApiKey(ClaimsPrincipal principal) => principal?.FindFirst(KeyId) is not null;
}
