using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Llm;

namespace TradingPlatform.AiService.Chat;

/// <summary>Refuses to start with a <c>Chat</c> or <c>Llm</c> section that does not hold together, naming every fault.</summary>
internal sealed class ChatOptionsValidation : IValidateOptions<ChatOptions>, IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, LlmOptions options) => Result(options.Validate());

    private static ValidateOptionsResult Result(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
