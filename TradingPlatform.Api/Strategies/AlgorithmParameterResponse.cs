namespace TradingPlatform.Api.Strategies;

/// <summary>One parameter of an algorithm: kind is integer, real or boolean (0/1 in ranges, true/false in JSON).</summary>
public sealed record AlgorithmParameterResponse(string Name, string Kind, double Min, double Max, double Default, string Description);
