namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>Reports a sweep's progress from many threads at most about a hundred times, so that a fast sweep is not slowed by its own reports.</summary>
internal sealed class ProgressReporter(IProgress<SweepProgress>? progress, int total)
{
    private readonly int _step = Math.Max(1, total / 100);
    private int _completed;

    public void Completed(int count)
    {
        if (progress is null)
        {
            return;
        }

        var before = Interlocked.Add(ref _completed, count) - count;
        var after = before + count;
        if (after == total || after / _step != before / _step)
        {
            progress.Report(new SweepProgress(after, total));
        }
    }
}
