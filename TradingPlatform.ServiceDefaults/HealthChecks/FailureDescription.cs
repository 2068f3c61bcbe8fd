using System.Text;

namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// Turns an exception chain into one line for a health check's description. Client libraries wrap the useful
/// part ("Connection refused", "password authentication failed") in generic outer exceptions, so the inner
/// messages are kept too.
/// </summary>
internal static class FailureDescription
{
    public static string From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var description = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // An AggregateException's message only repeats its inner exceptions' ones.
            var message = current is AggregateException ? string.Empty : current.Message.Trim();
            if (message.Length == 0 || !seen.Add(message))
            {
                continue;
            }

            if (description.Length > 0)
            {
                description.Append(" ---> ");
            }

            description.Append(message);
        }

        return description.Length > 0 ? description.ToString() : exception.GetType().Name;
    }
}
