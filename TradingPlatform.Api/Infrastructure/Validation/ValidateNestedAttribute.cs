using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Infrastructure.Validation;

/// <summary>
/// Validates a nested request object's own annotations; DataAnnotations does not descend into properties by itself.
/// Each failure is reported on this property as "member: message".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateNestedAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is null)
        {
            return ValidationResult.Success;
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value, validationContext, null), results, validateAllProperties: true))
        {
            return ValidationResult.Success;
        }

        var messages = results.Select(r => r.MemberNames.Any()
            ? $"{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.MemberNames.First())}: {r.ErrorMessage}"
            : r.ErrorMessage);
        return new ValidationResult(string.Join(" ", messages), [validationContext.MemberName!]);
    }
}
