using System.Globalization;

namespace TradingPlatform.Bench.Startup;

/// <summary>RSS and PSS of one process from <c>/proc/&lt;pid&gt;/smaps_rollup</c> (PSS shares each shared page among its users, so PSS adds up).</summary>
internal readonly record struct ProcessMemory(long RssBytes, long PssBytes)
{
    public static ProcessMemory? Read(int pid)
    {
        try
        {
            long? rss = null, pss = null;
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    pss = Kilobytes(line) * 1024;
                }
            }

            return rss is { } r && pss is { } p ? new ProcessMemory(r, p) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone, or not ours to read
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
