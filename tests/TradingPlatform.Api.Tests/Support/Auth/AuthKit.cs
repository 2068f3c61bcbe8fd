using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;

namespace TradingPlatform.Api.Tests.Support.Auth;

/// <summary>
/// The authorization test kit: users of any role created straight in the database (no sign-up round trip, any role),
/// and real access tokens minted by the Api's own <see cref="AccessTokenIssuer"/>.
/// </summary>
public static class AuthKit
{
    public const string DefaultPassword = "Passw0rd-Kit";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static async Task<TestUser> CreateUserAsync(
        this ApiFactory factory, string role = Roles.Trader, string? email = null, string password = DefaultPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var passwords = scope.ServiceProvider.GetRequiredService<PasswordService>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        email ??= UniqueEmail(role);
        var user = new User
        {
            Email = email, NormalizedEmail = User.Normalize(email), Name = $"Test {role}", Role = role, PasswordHash = "",
            CreatedAt = now, UpdatedAt = now,
        };
        user.PasswordHash = passwords.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new TestUser(user.Id.Value, email, password, role);
    }

    /// <summary>A real access token for the user as it is now in the database (role, session version).</summary>
    public static async Task<string> MintTokenAsync(this ApiFactory factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var entity = await db.Users.AsNoTracking().SingleAsync(u => u.Id == new UserId(user.Id));
        return scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>().Issue(entity).Token;
    }

    /// <summary>An HttpClient that sends a fresh real token of <paramref name="user"/>.</summary>
    public static async Task<HttpClient> CreateClientAsync(this ApiFactory factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.MintTokenAsync(user));
        return client;
    }

    public static async Task<(TestUser User, HttpClient Client)> CreateUserWithClientAsync(this ApiFactory factory, string role = Roles.Trader)
    {
        var user = await factory.CreateUserAsync(role);
        return (user, await factory.CreateClientAsync(user));
    }
}
