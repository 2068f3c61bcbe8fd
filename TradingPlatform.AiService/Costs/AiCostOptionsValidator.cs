using Microsoft.Extensions.Options;

namespace TradingPlatform.AiService.Costs;

internal sealed class AiCostOptionsValidator : IValidateOptions<AiCostOptions>
{
    public ValidateOptionsResult Validate(string? name, AiCostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
