using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Passwords;

/// <summary>Seed 004's rule: at least 8 characters with an upper-case letter, a lower-case letter and a digit; at most 128.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class StrongPasswordAttribute : ValidationAttribute
{
    public const int MinLength = 8;

    /// <summary>Long enough for passphrases, short enough that hashing a huge body cannot be used to burn CPU.</summary>
    public const int MaxLength = 128;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string password)
        {
            return ValidationResult.Success; // [Required] reports a missing one
        }

        var problems = new List<string>();
        if (password.Length < MinLength)
        {
            problems.Add($"at least {MinLength} characters");
        }

        if (password.Length > MaxLength)
        {
            problems.Add($"at most {MaxLength} characters");
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("an upper-case letter");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("a lower-case letter");
        }

        if (!password.Any(char.IsDigit))
        {
            problems.Add("a digit");
        }

        return problems.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"The password needs {string.Join(", ", problems)}.", [validationContext.MemberName!]);
    }
}
