using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingPlatform.AiService.Data;

/// <summary>How the ai schema's JSON columns (requests, epochs, hyper-parameters, evaluations, interval widths) are written and read.</summary>
internal static class AiJson
{
    // Named literals: a Diebold–Mariano statistic is ±Infinity when the loss differential is constant.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
