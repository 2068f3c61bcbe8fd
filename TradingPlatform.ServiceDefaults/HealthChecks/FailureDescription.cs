using System.Text;

namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// Turns an exception chain into one line for a health check's description. Client libraries wrap the useful
/// part ("Connection refused", "password authentication failed") in generic outer exceptions, so the inner
/// messages are kept too.
/// </summary>
public static class FailureDescription
{
    public static string From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var description = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // An AggregateException's message only repeats its inner exceptions' ones, and an HttpRequestException's
            // "Connection refused (host:port)" already contains its SocketException's "Connection refused".
            var message = current is AggregateException ? string.Empty : current.Message.Trim().TrimEnd('.');
            if (message.Length == 0 || description.ToString().Contains(message, StringComparison.Ordinal))
            {
                continue;
            }

            if (description.Length > 0)
            {
                description.Append(": ");
            }

            description.Append(message);
        }

        return description.Length > 0 ? description.ToString() : exception.GetType().Name;
    }
}
