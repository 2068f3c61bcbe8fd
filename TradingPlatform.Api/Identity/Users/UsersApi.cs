using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Errors;
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
        group.MapPut("/me", UpdateMeAsync).ProducesValidationError().WithName("UpdateMyProfile")
            .WithSummary("Changes the caller's name, display name, avatar or preferences");
        group.MapPut("/me/password", ChangePasswordAsync).ProducesValidationError().WithName("ChangeMyPassword")
            .WithSummary("Changes the caller's password, signs out every other session and answers a fresh token pair");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetUser").WithSummary("One user: the caller themselves, or anyone for an admin; 404 otherwise");
        group.MapPut("/{id:guid}", UpdateAsync).ProducesValidationError().WithName("UpdateUser")
            .WithSummary("Changes a user's profile: the caller themselves, or anyone for an admin; 404 otherwise");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteUser")
            .WithSummary("Deletes a user and revokes their sessions: the caller themselves, or anyone for an admin; 404 otherwise");
        return group;
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> GetMeAsync(HttpContext http, UserService users, TimeProvider time) =>
        Answer(await users.GetAccessibleAsync(http.User, http.User.GetUserId(), http.RequestAborted), time);

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> UpdateMeAsync(
        UpdateProfileRequest request, HttpContext http, UserService users, TimeProvider time) =>
        Answer(await users.UpdateAsync(http.User, http.User.GetUserId(), request, http.RequestAborted), time);

    private static async Task<Results<Ok<ApiResponse<TokenPairResponse>>, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, UserService users, TimeProvider time)
    {
        var changed = await users.ChangePasswordAsync(http.User, request, http.RequestAborted);
        return changed.Succeeded
            ? ApiResults.Ok(changed.Value, time, "Password changed; every other session has been signed out.")
            : changed.Error.ToProblem();
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, UserService users, TimeProvider time) =>
        Answer(await users.GetAccessibleAsync(http.User, new UserId(id), http.RequestAborted), time);

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateProfileRequest request, HttpContext http, UserService users, TimeProvider time) =>
        Answer(await users.UpdateAsync(http.User, new UserId(id), request, http.RequestAborted), time);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, UserService users) =>
        await users.DeleteAsync(http.User, new UserId(id), http.RequestAborted) is { } error ? error.ToProblem() : TypedResults.NoContent();

    private static Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult> Answer(ServiceResult<User> user, TimeProvider time) =>
        user.Succeeded ? ApiResults.Ok(UserResponse.From(user.Value), time) : user.Error.ToProblem();
}
