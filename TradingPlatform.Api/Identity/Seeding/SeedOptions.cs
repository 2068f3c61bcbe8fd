namespace TradingPlatform.Api.Identity.Seeding;

/// <summary>
/// The <c>Seed</c> section: in Development only, and only when set (the AppHost generates and prints them), the demo
/// accounts get these passwords. Nothing is seeded without them.
/// </summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public const string DemoTraderEmail = "demo@tradingplatform.local";

    public const string AdminEmail = "admin@tradingplatform.local";

    public string? DemoTraderPassword { get; set; }

    public string? AdminPassword { get; set; }
}
