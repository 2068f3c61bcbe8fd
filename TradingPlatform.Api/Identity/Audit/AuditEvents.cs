namespace TradingPlatform.Api.Identity.Audit;

public static class AuditEvents
{
    public const string Registered = "user.registered";
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked_out";
    public const string RefreshTokenReused = "refresh_token.reused";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string ProfileUpdated = "user.updated";
    public const string Deleted = "user.deleted";
    public const string RoleChanged = "role.changed";
    public const string Deactivated = "user.deactivated";
    public const string Reactivated = "user.reactivated";
    public const string TwoFactorEnrollmentStarted = "2fa.enrollment_started";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
}
