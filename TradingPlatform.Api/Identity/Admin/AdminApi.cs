using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Identity.Admin;

/// <summary><c>/api/admin</c>, admins only: users (list, role, activation) and the security audit log.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AuthorizationPolicies.Admin);
        group.MapGet("/users", ListUsersAsync).WithName("ListUsers")
            .WithSummary("Every user, newest first (page, limit; filters role and search in email or name)");
        group.MapPut("/users/{id:guid}/role", ChangeRoleAsync).ProducesValidationError().WithName("ChangeUserRole")
            .WithSummary("Sets another user's role (admin, trader or viewer); their access tokens end so the new role applies at once");
        group.MapPost("/users/{id:guid}/deactivate", (Guid id, HttpContext http, AdminService admin, TimeProvider time) => SetActiveAsync(id, false, http, admin, time))
            .WithName("DeactivateUser").WithSummary("Deactivates another user: they cannot sign in and their sessions end");
        group.MapPost("/users/{id:guid}/reactivate", (Guid id, HttpContext http, AdminService admin, TimeProvider time) => SetActiveAsync(id, true, http, admin, time))
            .WithName("ReactivateUser").WithSummary("Reactivates another, deactivated user");
        group.MapGet("/audit", ListAuditAsync).WithName("ListAuditLog")
            .WithSummary("The security audit log, newest first (page, limit; filters userId and event)");
        return group;
    }

    private static async Task<Ok<PagedResponse<UserResponse>>> ListUsersAsync(
        int? page, int? limit, string? role, string? search, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, limit);
        if (role is not null && !Roles.IsValid(role))
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "The role is admin, trader or viewer.",
                new Dictionary<string, string[]> { ["role"] = ["The role is admin, trader or viewer."] });
        }

        var query = db.Users.AsNoTracking();
        if (role is not null)
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = User.Normalize(search);
            query = query.Where(u => u.NormalizedEmail.Contains(normalized) || u.Name.Contains(search));
        }

        var total = await query.LongCountAsync(cancellationToken);
        var users = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(request.Skip).Take(request.Limit).ToListAsync(cancellationToken);
        return ApiResults.Page(users.Select(UserResponse.From).ToList(), request, total, time);
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> ChangeRoleAsync(
        Guid id, ChangeRoleRequest request, HttpContext http, AdminService admin, TimeProvider time) =>
        Answer(await admin.ChangeRoleAsync(http.User, new UserId(id), request.Role, http.RequestAborted), time);

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult>> SetActiveAsync(
        Guid id, bool active, HttpContext http, AdminService admin, TimeProvider time) =>
        Answer(await admin.SetActiveAsync(http.User, new UserId(id), active, http.RequestAborted), time);

    private static Results<Ok<ApiResponse<UserResponse>>, ProblemHttpResult> Answer(ServiceResult<User> user, TimeProvider time) =>
        user.Succeeded ? ApiResults.Ok(UserResponse.From(user.Value), time) : user.Error.ToProblem();

    private static async Task<Ok<PagedResponse<AuditLogEntryResponse>>> ListAuditAsync(
        int? page, int? limit, Guid? userId, string? @event, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, limit);
        var query = db.AuditLog.AsNoTracking();
        if (userId is { } user)
        {
            query = query.Where(e => e.UserId == user);
        }

        if (!string.IsNullOrWhiteSpace(@event))
        {
            query = query.Where(e => e.Event == @event);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
            .Skip(request.Skip).Take(request.Limit).ToListAsync(cancellationToken);
        return ApiResults.Page(entries.Select(AuditLogEntryResponse.From).ToList(), request, total, time);
    }
}
