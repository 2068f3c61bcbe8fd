namespace TradingPlatform.Api.Tests.Support.Auth;

/// <summary>A user the kit created directly in the database, with the password it was given.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Role);
