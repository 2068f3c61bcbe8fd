namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// One epoch of training: its number (from 1), the mean loss of its mini-batches (each taken before its step, weighted
/// by its windows) and the loss over all validation windows after the epoch, both on normalized windows.
/// </summary>
public readonly record struct NBeatsEpoch(int Epoch, double TrainingLoss, double ValidationLoss);
