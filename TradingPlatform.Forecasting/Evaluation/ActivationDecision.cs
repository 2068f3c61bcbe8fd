namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// Whether a trained model becomes the active one. <see cref="Forced"/> is true when an admin overrode the rule (the
/// model is then activated whatever the figures); <see cref="Reason"/> cites the figures the decision rests on.
/// </summary>
public sealed record ActivationDecision(bool Activate, bool Forced, string Reason);
