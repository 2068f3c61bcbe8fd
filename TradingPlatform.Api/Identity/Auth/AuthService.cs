using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.TwoFactor;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.RateLimiting;

namespace TradingPlatform.Api.Identity.Auth;

/// <summary>Registration, login, refresh-token rotation and logout.</summary>
public sealed class AuthService(
    IdentityDbContext db,
    PasswordService passwords,
    AccessTokenIssuer accessTokens,
    RefreshTokenService refreshTokens,
    SessionStore sessions,
    TwoFactorService twoFactor,
    AuditLog audit,
    AuthEmailRateLimiter emailLimiter,
    IOptions<AccountSecurityOptions> security,
    TimeProvider time)
{
    private const string BadCredentials = "Invalid email or password.";

    public async Task<LoginResponse> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var email = request.Email.Trim();
        var normalized = User.Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw EmailTaken();
        }

        var user = new User
        {
            Email = email,
            NormalizedEmail = normalized,
            Name = string.IsNullOrWhiteSpace(request.Name) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : request.Name.Trim(),
            DisplayName = request.DisplayName?.Trim(),
            Role = Roles.Trader,
            PasswordHash = "",
            CreatedAt = now,
            UpdatedAt = now,
            LastLoginAt = now,
        };
        user.PasswordHash = passwords.Hash(user, request.Password);
        db.Users.Add(user);
        audit.Add(AuditEvents.Registered, user);
        var tokens = StartSession(user, rememberMe: false);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw EmailTaken(); // two sign-ups with one address raced past the check above
        }

        return new LoginResponse(UserResponse.From(user), tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn);
    }

    public async Task<LoginResponse> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        await emailLimiter.EnsureAllowedAsync(request.Email);
        var now = time.GetUtcNow();
        var settings = security.Value;
        var normalized = User.Normalize(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            passwords.VerifyDummy(request.Password);
            await FailAsync(AuditEvents.LoginFailed, null, request.Email, "unknown_email", cancellationToken);
            throw Unauthorized(BadCredentials);
        }

        if (user.IsLockedOut(now))
        {
            passwords.VerifyDummy(request.Password);
            await FailAsync(AuditEvents.LoginFailed, user, null, "locked_out", cancellationToken);
            throw LockedOut(user, now);
        }

        var verification = passwords.Verify(user, request.Password);
        if (verification == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, now, settings, "wrong_password", cancellationToken);
            throw user.IsLockedOut(now) ? LockedOut(user, now) : Unauthorized(BadCredentials);
        }

        if (!user.IsActive)
        {
            await FailAsync(AuditEvents.LoginFailed, user, null, "deactivated", cancellationToken);
            throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Authorization, "This account has been deactivated.");
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                throw Unauthorized("A two-factor code is required.", new { twoFactorRequired = true });
            }

            if (!twoFactor.TryVerify(user, request.TwoFactorCode))
            {
                // Counted like a wrong password, so that the lockout also bounds guessing the six digits.
                await RecordFailureAsync(user, now, settings, "wrong_two_factor_code", cancellationToken);
                throw user.IsLockedOut(now)
                    ? LockedOut(user, now)
                    : Unauthorized("The two-factor code is invalid or expired.", new { twoFactorRequired = true });
            }
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = passwords.Hash(user, request.Password);
        }

        user.RecordSuccessfulLogin(now);
        audit.Add(AuditEvents.LoginSucceeded, user, new { request.RememberMe, twoFactor = user.TwoFactorEnabled });
        var tokens = StartSession(user, request.RememberMe);
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResponse(UserResponse.From(user), tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn);
    }

    public async Task<TokenPairResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await refreshTokens.FindAsync(refreshToken, cancellationToken);
        if (token is null)
        {
            throw Unauthorized("The refresh token is invalid.");
        }

        if (token.RevokedAt is not null)
        {
            await ReuseDetectedAsync(token, cancellationToken);
        }

        if (token.ExpiresAt <= now)
        {
            throw Unauthorized("The refresh token has expired; sign in again.");
        }

        var user = await db.Users.SingleAsync(u => u.Id == token.UserId, cancellationToken);
        if (!user.IsActive)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Authorization, "This account has been deactivated.");
        }

        var next = refreshTokens.Add(user, token.FamilyId, token.RememberMe, out var nextEntity);
        if (!await refreshTokens.TrySpendAsync(token, nextEntity.Id, cancellationToken))
        {
            db.RefreshTokens.Remove(nextEntity); // lost a race with another use of the same token
            await ReuseDetectedAsync(token, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var access = accessTokens.Issue(user);
        return new TokenPairResponse(access.Token, next, ExpiresIn(access));
    }

    public async Task LogoutAsync(UserId userId, string? accessTokenId, DateTimeOffset? accessTokenExpiry, string? refreshToken, CancellationToken cancellationToken)
    {
        if (accessTokenId is not null && accessTokenExpiry is { } expiry)
        {
            await sessions.DenyAsync(accessTokenId, expiry);
        }

        if (!string.IsNullOrEmpty(refreshToken) && await refreshTokens.FindAsync(refreshToken, cancellationToken) is { } token && token.UserId == userId)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, cancellationToken);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        audit.Add(AuditEvents.Logout, user);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issues an access token and a refresh token of a new family; the caller saves.</summary>
    public TokenPairResponse StartSession(User user, bool rememberMe)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refresh = refreshTokens.Add(user, Guid.CreateVersion7(), rememberMe, out _);
        var access = accessTokens.Issue(user);
        return new TokenPairResponse(access.Token, refresh, ExpiresIn(access));
    }

    private int ExpiresIn(IssuedAccessToken access) => (int)Math.Round((access.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private async Task ReuseDetectedAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        // A spent token presented again means two parties hold this session's tokens: end the whole family, so that
        // whichever of them is the thief loses the newest token too.
        var revoked = await refreshTokens.RevokeFamilyAsync(token.FamilyId, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        audit.Add(AuditEvents.RefreshTokenReused, user, new { familyId = token.FamilyId, revoked, wasRotated = token.ReplacedById is not null });
        await db.SaveChangesAsync(cancellationToken);
        throw Unauthorized("The refresh token has already been used or revoked; sign in again.");
    }

    private async Task RecordFailureAsync(User user, DateTimeOffset now, AccountSecurityOptions settings, string reason, CancellationToken cancellationToken)
    {
        var locked = user.RecordFailedLogin(now, settings.MaxFailedLoginAttempts, settings.LockoutDuration);
        audit.Add(AuditEvents.LoginFailed, user, new { reason });
        if (locked)
        {
            audit.Add(AuditEvents.LockedOut, user, new { until = user.LockoutEnd, settings.MaxFailedLoginAttempts });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FailAsync(string @event, User? user, string? email, string reason, CancellationToken cancellationToken)
    {
        audit.Add(@event, user, new { reason }, email);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiException LockedOut(User user, DateTimeOffset now)
    {
        var seconds = (int)Math.Ceiling((user.LockoutEnd!.Value - now).TotalSeconds);
        return Unauthorized($"Too many failed attempts; the account is locked for {seconds} s.", new { lockedOut = true, retryAfterSeconds = seconds });
    }

    private static ApiException Unauthorized(string message, object? details = null) =>
        new(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, message, details);

    private static ApiException EmailTaken() =>
        new(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "An account with this email already exists.",
            new Dictionary<string, string[]> { ["email"] = ["is already registered"] });
}
