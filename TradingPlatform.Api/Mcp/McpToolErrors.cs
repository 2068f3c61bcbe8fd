using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// The REST API's refusals as tool errors: the same services throw the same exceptions, and an agent gets their code
/// and message (with each field's problem) in a result marked <c>isError</c>, which it can read and correct, rather
/// than the SDK's generic "an error occurred". A failure that is not the caller's (a bug, an outage) stays generic.
/// </summary>
internal static class McpToolErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (ApiException exception) when (exception.StatusCode < 500 || exception.StatusCode == 503)
        {
            throw new McpException(Describe(exception));
        }
        catch (TradingException exception)
        {
            throw new McpException(Describe(TradingErrors.ToApi(exception)));
        }
    }

    public static McpException Invalid(string field, string message) => new($"{ErrorCodes.Validation}: {field}: {message}");

    /// <summary>
    /// Runs the request's data annotations, as the REST endpoint's validation does; a tool builds its request in code, so the
    /// framework's validation never sees it, and the tools' requests carry no nested objects that this would miss.
    /// </summary>
    public static void Validate(object request)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{string.Join(", ", r.MemberNames.Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))}: {r.ErrorMessage}");
            throw new McpException($"{ErrorCodes.Validation}: {string.Join("; ", problems)}");
        }
    }

    public static Guid ParseId(string field, string? value) =>
        Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : throw Invalid(field, $"'{value}' is not an id (a UUID).");

    private static string Describe(ApiException exception)
    {
        var text = new StringBuilder($"{exception.Code}: {exception.Message}");
        if (exception.Details is IDictionary<string, string[]> fields)
        {
            foreach (var (field, messages) in fields)
            {
                var joined = string.Join(" ", messages.Where(m => m != exception.Message));
                if (joined.Length > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {field}: {joined}");
                }
            }
        }

        return text.ToString();
    }
}
