using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Auth;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.Users;

/// <summary>Profile reads and changes by the user or an admin, password change, deletion, ending sessions.</summary>
public sealed class UserService(
    IdentityDbContext db,
    PasswordService passwords,
    RefreshTokenService refreshTokens,
    SessionStore sessions,
    AuthService auth,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// The user <paramref name="id"/> if the caller is that user or an admin. Anyone else gets 404, the same as for an
    /// id that does not exist, so that user ids cannot be probed for existence.
    /// </summary>
    public async Task<ServiceResult<User>> GetAccessibleAsync(ClaimsPrincipal caller, UserId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.GetUserId() != id && !caller.IsAdmin())
        {
            return NotFound;
        }

        return await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user ? user : NotFound;
    }

    public async Task<ServiceResult<User>> UpdateAsync(ClaimsPrincipal caller, UserId id, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await GetAccessibleAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        request.ApplyTo(user, time.GetUtcNow());
        audit.Add(AuditEvents.ProfileUpdated, user, new { by = caller.GetUserId().ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Changes the password, ends every session of the user, and starts a fresh one for the caller.</summary>
    public async Task<ServiceResult<TokenPairResponse>> ChangePasswordAsync(ClaimsPrincipal caller, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var found = await GetAccessibleAsync(caller, caller.GetUserId(), cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        if (passwords.Verify(user, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return ServiceError.Validation("currentPassword", "The current password is incorrect.", "is incorrect");
        }

        var now = time.GetUtcNow();
        user.PasswordHash = passwords.Hash(user, request.NewPassword);
        await EndSessionsAsync(user, now, cancellationToken);
        audit.Add(AuditEvents.PasswordChanged, user);
        var tokens = auth.StartSession(user, rememberMe: false);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.PublishVersionAsync(user.Id, user.SessionVersion);
        return tokens;
    }

    /// <summary>Deletes the user; null when done, else why not.</summary>
    public async Task<ServiceError?> DeleteAsync(ClaimsPrincipal caller, UserId id, CancellationToken cancellationToken)
    {
        var found = await GetAccessibleAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        db.Users.Remove(user); // refresh tokens go with it (cascade); the audit trail stays
        audit.Add(AuditEvents.Deleted, user, new { by = caller.GetUserId().ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await sessions.PublishVersionAsync(user.Id, SessionStore.NoSession);
        return null;
    }

    /// <summary>Revokes every refresh token and bumps the session version; the caller saves, then publishes the version.</summary>
    public async Task EndSessionsAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await refreshTokens.RevokeAllAsync(user.Id, cancellationToken);
        user.EndAllSessions(now);
    }

    private static readonly ServiceError NotFound = ServiceError.NotFound("No such user.");
}
