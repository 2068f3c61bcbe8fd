using System.Net;
using System.Net.Http.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;

namespace TradingPlatform.Api.Tests.Support.Auth;

/// <summary>
/// The "user B cannot touch user A's resource" pattern, for any endpoint: <c>{id}</c> in the path template is replaced by
/// the owner's resource id. B's request must fail with 403 or 404 (both keep the resource safe; 404 also hides that
/// it exists) and must not change it; then A's identical request must succeed, which proves the refusal was about
/// ownership and not a broken request.
/// </summary>
public static class OwnershipAssertions
{
    /// <param name="createResource">Creates the owner's resource and returns its id; by default the owner's user id.</param>
    /// <param name="body">The request body, or null for none.</param>
    /// <param name="verifyUnchanged">Run after B's attempt with A's client: asserts the resource is as before.</param>
    public static async Task AssertOnlyOwnerCanAsync(
        this ApiFactory factory,
        HttpMethod method,
        string pathTemplate,
        object? body = null,
        Func<TestUser, HttpClient, Task<string>>? createResource = null,
        Func<HttpClient, string, Task>? verifyUnchanged = null,
        string otherRole = Roles.Trader)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (owner, ownerClient) = await factory.CreateUserWithClientAsync(Roles.Trader);
        var (_, otherClient) = await factory.CreateUserWithClientAsync(otherRole);
        using (ownerClient)
        using (otherClient)
        {
            var resourceId = createResource is null ? owner.Id.ToString() : await createResource(owner, ownerClient);
            var path = pathTemplate.Replace("{id}", resourceId, StringComparison.Ordinal);

            using (var denied = await otherClient.SendAsync(Request(method, path, body)))
            {
                Assert.True(
                    denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                    $"{method} {pathTemplate} by another user answered {(int)denied.StatusCode}, expected 403 or 404: {await denied.Content.ReadAsStringAsync()}");
                await ApiJson.AssertErrorEnvelopeAsync(denied, denied.StatusCode);
            }

            if (verifyUnchanged is not null)
            {
                await verifyUnchanged(ownerClient, resourceId);
            }

            using var allowed = await ownerClient.SendAsync(Request(method, path, body));
            Assert.True(allowed.IsSuccessStatusCode,
                $"{method} {pathTemplate} by its owner answered {(int)allowed.StatusCode}: {await allowed.Content.ReadAsStringAsync()}");
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };
}
