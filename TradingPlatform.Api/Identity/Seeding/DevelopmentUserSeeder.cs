using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.Api.Identity.Seeding;

/// <summary>Ensures the demo trader and the admin exist with the configured passwords, in Development only.</summary>
internal sealed class DevelopmentUserSeeder(
    IdentityDbContext db,
    PasswordService passwords,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DevelopmentUserSeeder> logger) : ISchemaSeeder<IdentityDbContext>
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await EnsureAsync(SeedOptions.DemoTraderEmail, "Demo Trader", Roles.Trader, options.Value.DemoTraderPassword, cancellationToken);
        await EnsureAsync(SeedOptions.AdminEmail, "Administrator", Roles.Admin, options.Value.AdminPassword, cancellationToken);
    }

    private async Task EnsureAsync(string email, string name, string role, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        var now = time.GetUtcNow();
        var normalized = User.Normalize(email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            user = new User
            {
                Email = email, NormalizedEmail = normalized, Name = name, Role = role, PasswordHash = "",
                CreatedAt = now, UpdatedAt = now,
            };
            user.PasswordHash = passwords.Hash(user, password);
            db.Users.Add(user);
            logger.LogInformation("Seeded {Email} ({Role})", email, role);
        }
        else if (passwords.Verify(user, password) == PasswordVerificationResult.Failed || user.Role != role || !user.IsActive)
        {
            // The AppHost's parameter is the source of truth for the demo accounts' passwords in Development.
            user.PasswordHash = passwords.Hash(user, password);
            user.Role = role;
            user.IsActive = true;
            user.LockoutEnd = null;
            user.EndAllSessions(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
