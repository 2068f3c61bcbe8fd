using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Identity.Users;

/// <summary>
/// <c>/api/users</c>: the caller's own profile and password, and <c>/api/users/{id}</c> for that user or an admin.
/// Another user's id answers 404, exactly like an unknown id, so that ids cannot be probed.
/// </summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMeAsync).WithName("GetMyProfile").WithSummary("The caller's profile and preferences");
        group.MapPut("/me", UpdateMeAsync).Validate<UpdateProfileRequest>().WithName("UpdateMyProfile")
            .WithSummary("Changes the caller's name, display name, avatar or preferences");
        group.MapPut("/me/password", ChangePasswordAsync).Validate<ChangePasswordRequest>().WithName("ChangeMyPassword")
            .WithSummary("Changes the caller's password, signs out every other session and answers a fresh token pair");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetUser").WithSummary("One user: the caller themselves, or anyone for an admin; 404 otherwise");
        group.MapPut("/{id:guid}", UpdateAsync).Validate<UpdateProfileRequest>().WithName("UpdateUser")
            .WithSummary("Changes a user's profile: the caller themselves, or anyone for an admin; 404 otherwise");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteUser")
            .WithSummary("Deletes a user and revokes their sessions: the caller themselves, or anyone for an admin; 404 otherwise");
        return group;
    }

    private static async Task<Ok<ApiResponse<UserResponse>>> GetMeAsync(HttpContext http, UserService users, TimeProvider time) =>
        ApiResults.Ok(UserResponse.From(await users.GetAccessibleAsync(http.User, http.User.GetUserId(), http.RequestAborted)), time);

    private static async Task<Ok<ApiResponse<UserResponse>>> UpdateMeAsync(
        UpdateProfileRequest request, HttpContext http, UserService users, TimeProvider time) =>
        ApiResults.Ok(UserResponse.From(await users.UpdateAsync(http.User, http.User.GetUserId(), request, http.RequestAborted)), time);

    private static async Task<Ok<ApiResponse<TokenPairResponse>>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, UserService users, TimeProvider time) =>
        ApiResults.Ok(await users.ChangePasswordAsync(http.User, request, http.RequestAborted), time,
            "Password changed; every other session has been signed out.");

    private static async Task<Ok<ApiResponse<UserResponse>>> GetAsync(Guid id, HttpContext http, UserService users, TimeProvider time) =>
        ApiResults.Ok(UserResponse.From(await users.GetAccessibleAsync(http.User, new UserId(id), http.RequestAborted)), time);

    private static async Task<Ok<ApiResponse<UserResponse>>> UpdateAsync(
        Guid id, UpdateProfileRequest request, HttpContext http, UserService users, TimeProvider time) =>
        ApiResults.Ok(UserResponse.From(await users.UpdateAsync(http.User, new UserId(id), request, http.RequestAborted)), time);

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, UserService users)
    {
        await users.DeleteAsync(http.User, new UserId(id), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
