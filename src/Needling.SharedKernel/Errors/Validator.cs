namespace Needling.SharedKernel.Errors;

/// <summary>
/// Collects field errors and throws one exception naming all of them: <see cref="ValidationException"/> (400) or, for
/// records an Admin keeps, <see cref="UnprocessableInputException"/> (422).
/// </summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public Validator Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }
            list.Add(message);
        }
        return this;
    }

    public Validator NotBlank(string? value, string field, int maxLength = 200) =>
        Require(!string.IsNullOrWhiteSpace(value), field, "is required.")
            .Require(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters.");

    public Validator MaxLength(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters.");

    public Validator OneOf(string? value, IReadOnlySet<string> allowed, string field) =>
        Require(value is not null && allowed.Contains(value), field, $"must be one of: {string.Join(", ", allowed.Order())}.");

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>422 naming every field at fault: the input is well-formed but makes no sense as the record it would write.</summary>
    public void ThrowIfUnprocessable()
    {
        if (_errors.Count > 0)
        {
            throw new UnprocessableInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
