using System.Net.Mail;
using Needling.Patients.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Registration;

internal static class PatientDetailsRules
{
    public static void Apply(PatientDetails d, Patient p, DateOnly today)
    {
        new Validator()
            .NotBlank(d.GivenName, "givenName", 100)
            .NotBlank(d.FamilyName, "familyName", 100)
            .Require(d.DateOfBirth <= today, "dateOfBirth", "must not be in the future.")
            .Require(d.DateOfBirth.Year >= 1900, "dateOfBirth", "must be after 1900.")
            .MaxLength(d.Phone, "phone", 40)
            .Require(d.Phone is null || d.Phone.Count(char.IsAsciiDigit) >= 6, "phone", "must have at least 6 digits.")
            .MaxLength(d.Email, "email", 200)
            .Require(d.Email is null || MailAddress.TryCreate(d.Email, out _), "email", "is not an e-mail address.")
            .OneOf(d.PreferredLanguage, Patient.Languages, "preferredLanguage")
            .ThrowIfInvalid();
        p.GivenName = d.GivenName.Trim();
        p.FamilyName = d.FamilyName.Trim();
        p.DateOfBirth = d.DateOfBirth;
        p.Phone = string.IsNullOrWhiteSpace(d.Phone) ? null : d.Phone.Trim();
        p.Email = string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim();
        p.PreferredLanguage = d.PreferredLanguage;
        p.UpdateSearchKeys();
    }
}
