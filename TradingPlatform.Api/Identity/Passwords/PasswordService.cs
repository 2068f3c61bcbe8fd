using Microsoft.AspNetCore.Identity;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Passwords;

/// <summary>ASP.NET Core Identity's salted PBKDF2 hasher, plus a dummy check that makes unknown emails cost the same.</summary>
public sealed class PasswordService(IPasswordHasher<User> hasher)
{
    private static readonly User Dummy = new()
    {
        Email = "", NormalizedEmail = "", Name = "", Role = Roles.Viewer, PasswordHash = "",
    };

    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Dummy, Guid.NewGuid().ToString()));

    public string Hash(User user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult Verify(User user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    /// <summary>
    /// Spends as long as a real check, so that the response time does not tell whether an email is registered.
    /// </summary>
    public void VerifyDummy(string password) => hasher.VerifyHashedPassword(Dummy, _dummyHash.Value, password);
}
