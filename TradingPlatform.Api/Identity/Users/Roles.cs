namespace TradingPlatform.Api.Identity.Users;

/// <summary>The roles of seed 001, as they appear in JSON, in the database and in the <c>role</c> claim.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Trader = "trader";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Trader, Viewer];

    public static bool IsValid(string? role) => role is Admin or Trader or Viewer;
}
