using System.Globalization;

namespace TradingPlatform.Bench.Startup;

internal sealed record BenchOptions(int Runs, int IdleSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var runs = 1;
        var idle = 10;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--idle-seconds":
                    idle = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new BenchOptions(Math.Max(1, runs), Math.Max(0, idle));
    }
}
