using System.Text.Json;

namespace TradingPlatform.Api.Infrastructure.Validation;

/// <summary>
/// The <c>details</c> of a 422: each field's JSON path (camelCase segments, <c>riskManagement.stopLoss</c>,
/// <c>legs[0].price</c>) and its messages.
/// </summary>
public static class FieldErrors
{
    public const string Message = "One or more fields are invalid.";

    /// <summary>
    /// The framework names a nested member by its CLR path (<c>RiskManagement.StopLoss</c>) and a rule's own member
    /// names as written (<c>Parameters.slow</c>); both become camelCase paths, and keys that then coincide merge.
    /// </summary>
    public static Dictionary<string, string[]> FromValidation(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors
            .GroupBy(e => JsonPath(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public static string JsonPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('.', key.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
    }
}
