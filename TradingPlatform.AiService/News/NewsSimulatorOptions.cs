namespace TradingPlatform.AiService.News;

/// <summary>
/// The <c>News:Simulator</c> section. Off unless <see cref="Enabled"/>: the AiService's launch profile (which the
/// AppHost starts it with) turns it on; tests turn it on only where they test it.
/// </summary>
public sealed class NewsSimulatorOptions
{
    public const string Section = "News:Simulator";

    /// <summary>The source of every simulated item; their headlines start with <see cref="HeadlinePrefix"/>.</summary>
    public const string Source = "simulated";

    public const string HeadlinePrefix = "[Simulated] ";

    public bool Enabled { get; set; }

    /// <summary>One item per interval, for the next symbol in turn. Default 1 minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The symbols it writes about, in turn; empty: the whole catalog.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>The candles whose move sets the tone (<c>trading.candles</c>, as the market simulator writes them).</summary>
    public string CandleInterval { get; set; } = "1m";

    /// <summary>How many of the latest candles the move is measured over (first close to last).</summary>
    public int LookbackBars { get; set; } = 30;

    /// <summary>A relative move at least this large (up or down) gives a positive or negative headline; smaller, a neutral one.</summary>
    public double MoveThreshold { get; set; } = 0.0005;
}
