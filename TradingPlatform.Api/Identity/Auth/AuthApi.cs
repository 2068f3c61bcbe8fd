using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.RateLimiting;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Identity.Auth;

/// <summary><c>/api/auth</c>: register (also <c>signup</c>, seed 004), login, refresh, logout and me (seed 001).</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).ProducesValidationError().AllowAnonymous().RequireAuthRateLimit()
            .WithName("Register").WithSummary("Creates a user (role trader) and signs them in: the user with an access and a refresh token");
        group.MapPost("/signup", RegisterAsync).ProducesValidationError().AllowAnonymous().RequireAuthRateLimit()
            .WithName("SignUp").WithSummary("Seed 004's name for POST /api/auth/register");
        group.MapPost("/login", LoginAsync).ProducesValidationError().AllowAnonymous().RequireAuthRateLimit()
            .WithName("Login").WithSummary("Signs in with email and password (and the TOTP code when two-factor is on): the user with an access and a refresh token");
        group.MapPost("/refresh", RefreshAsync).ProducesValidationError().AllowAnonymous().RequireAuthRateLimit()
            .WithName("RefreshTokens").WithSummary("Exchanges a refresh token for a new pair; a reused refresh token revokes its whole family");
        group.MapPost("/logout", LogoutAsync).ProducesValidationError().RequireAuthorization()
            .WithName("Logout").WithSummary("Revokes the access token and, when given, the refresh token's family");
        group.MapGet("/me", MeAsync).RequireAuthorization()
            .WithName("GetSignedInUser").WithSummary("The signed-in user");
        return group;
    }

    private static async Task<Created<ApiResponse<LoginResponse>>> RegisterAsync(
        RegisterRequest request, AuthService auth, TimeProvider time, CancellationToken cancellationToken)
    {
        var response = await auth.RegisterAsync(request, cancellationToken);
        return ApiResults.Created($"/api/users/{response.User.Id}", response, time, "Account created.");
    }

    private static async Task<Ok<ApiResponse<LoginResponse>>> LoginAsync(
        LoginRequest request, AuthService auth, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(await auth.LoginAsync(request, cancellationToken), time);

    private static async Task<Ok<ApiResponse<TokenPairResponse>>> RefreshAsync(
        RefreshRequest request, AuthService auth, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(await auth.RefreshAsync(request.RefreshToken, cancellationToken), time);

    private static async Task<Ok<ApiResponse<object?>>> LogoutAsync(
        LogoutRequest? request, HttpContext http, AuthService auth, TimeProvider time, CancellationToken cancellationToken)
    {
        var (tokenId, expiresAt) = http.User.GetAccessTokenId();
        await auth.LogoutAsync(http.User.GetUserId(), tokenId, expiresAt, request?.RefreshToken, cancellationToken);
        return ApiResults.Ok<object?>(null, time, "Logged out successfully");
    }

    private static async Task<Ok<ApiResponse<UserResponse>>> MeAsync(
        HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = http.User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, "The account no longer exists.");
        return ApiResults.Ok(UserResponse.From(user), time);
    }
}
