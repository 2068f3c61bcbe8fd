using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Identity.TwoFactor;

/// <summary><c>/api/auth/2fa</c>: enrol (secret + otpauth URI), verify a code to turn it on, disable with a code.</summary>
public static class TwoFactorApi
{
    public static RouteGroupBuilder MapTwoFactorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth/2fa").WithTags("Two-factor").RequireAuthorization();
        group.MapPost("/enroll", EnrollAsync).WithName("EnrollTwoFactor")
            .WithSummary("Starts two-factor enrolment: a new TOTP secret and its otpauth URI; 409 when two-factor is already on");
        group.MapPost("/verify", VerifyAsync).ProducesValidationError().WithName("VerifyTwoFactor")
            .WithSummary("Turns two-factor on with a code from the enrolled authenticator");
        group.MapPost("/disable", DisableAsync).ProducesValidationError().WithName("DisableTwoFactor")
            .WithSummary("Turns two-factor off with a current code");
        return group;
    }

    private static async Task<Results<Ok<ApiResponse<TwoFactorEnrollmentResponse>>, ProblemHttpResult>> EnrollAsync(
        HttpContext http, IdentityDbContext db, TwoFactorService twoFactor, AuditLog audit, TimeProvider time)
    {
        if (await CurrentUserAsync(http, db) is not { } user)
        {
            return Gone.ToProblem();
        }

        if (user.TwoFactorEnabled)
        {
            return ServiceError.Conflict("Two-factor authentication is already on; disable it first.").ToProblem();
        }

        var enrollment = twoFactor.StartEnrollment(user);
        user.UpdatedAt = time.GetUtcNow();
        audit.Add(AuditEvents.TwoFactorEnrollmentStarted, user);
        await db.SaveChangesAsync(http.RequestAborted);
        return ApiResults.Ok(enrollment, time, "Scan the URI with an authenticator app, then verify a code.");
    }

    private static async Task<Results<Ok<ApiResponse<TwoFactorStatusResponse>>, ProblemHttpResult>> VerifyAsync(
        TwoFactorCodeRequest request, HttpContext http, IdentityDbContext db, TwoFactorService twoFactor, AuditLog audit, TimeProvider time)
    {
        if (await CurrentUserAsync(http, db) is not { } user)
        {
            return Gone.ToProblem();
        }

        if (user.TwoFactorEnabled)
        {
            return ServiceError.Conflict("Two-factor authentication is already on.").ToProblem();
        }

        if (user.TwoFactorSecret is null)
        {
            return ServiceError.Conflict("Start with POST /api/auth/2fa/enroll.").ToProblem();
        }

        if (!twoFactor.TryVerify(user, request.Code))
        {
            return InvalidCode.ToProblem();
        }

        user.TwoFactorEnabled = true;
        user.UpdatedAt = time.GetUtcNow();
        audit.Add(AuditEvents.TwoFactorEnabled, user);
        await db.SaveChangesAsync(http.RequestAborted);
        return ApiResults.Ok(new TwoFactorStatusResponse(true), time, "Two-factor authentication is on.");
    }

    private static async Task<Results<Ok<ApiResponse<TwoFactorStatusResponse>>, ProblemHttpResult>> DisableAsync(
        TwoFactorCodeRequest request, HttpContext http, IdentityDbContext db, TwoFactorService twoFactor, AuditLog audit, TimeProvider time)
    {
        if (await CurrentUserAsync(http, db) is not { } user)
        {
            return Gone.ToProblem();
        }

        if (!user.TwoFactorEnabled)
        {
            return ServiceError.Conflict("Two-factor authentication is not on.").ToProblem();
        }

        if (!twoFactor.TryVerify(user, request.Code))
        {
            return InvalidCode.ToProblem();
        }

        user.TwoFactorEnabled = false;
        user.TwoFactorSecret = null;
        user.TwoFactorLastStep = null;
        user.UpdatedAt = time.GetUtcNow();
        audit.Add(AuditEvents.TwoFactorDisabled, user);
        await db.SaveChangesAsync(http.RequestAborted);
        return ApiResults.Ok(new TwoFactorStatusResponse(false), time, "Two-factor authentication is off.");
    }

    /// <summary>A valid token whose user was deleted since it was issued.</summary>
    private static readonly ServiceError Gone = new(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, "The account no longer exists.");

    private static readonly ServiceError InvalidCode = ServiceError.Validation("code", "The code is invalid or expired.");

    private static Task<User?> CurrentUserAsync(HttpContext http, IdentityDbContext db)
    {
        var id = http.User.GetUserId();
        return db.Users.SingleOrDefaultAsync(u => u.Id == id, http.RequestAborted);
    }
}
