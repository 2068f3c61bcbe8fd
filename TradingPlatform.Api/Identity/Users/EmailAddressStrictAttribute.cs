using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace TradingPlatform.Api.Identity.Users;

/// <summary>
/// An address of the form local@domain.tld. [EmailAddress] accepts anything with one '@' inside, including
/// "a@b" and display-name forms, which are never what a login form means.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailAddressStrictAttribute : ValidationAttribute
{
    public EmailAddressStrictAttribute() : base("Enter a valid email address.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text)
        {
            return true; // [Required] reports a missing one
        }

        return text.Length <= 254
            && MailAddress.TryCreate(text, out var address)
            && address.Address == text
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.')
            && !text.Any(char.IsWhiteSpace);
    }
}
