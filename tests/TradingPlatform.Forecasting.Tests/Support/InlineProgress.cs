namespace TradingPlatform.Forecasting.Tests.Support;

/// <summary>
/// An <see cref="IProgress{T}"/> that records every report and runs an action on the reporting thread (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronization context), so that a test sees each epoch as it ends.
/// </summary>
internal sealed class InlineProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
