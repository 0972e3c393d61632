namespace Needling.SharedKernel.Errors;

/// <summary>
/// A refusal that the API turns into an RFC 9457 problem+json answer. The message must name what was
/// wrong in plain words and must not contain patient data.
/// </summary>
public abstract class NeedlingException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
    public abstract int StatusCode { get; }
    public virtual string Type => $"https://needling.dev/problems/{GetType().Name.Replace("Exception", "", StringComparison.Ordinal).ToLowerInvariant()}";
    public virtual IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>();
}

public sealed class NotFoundException(string what, object id)
    : NeedlingException("Not found", $"{what} '{id}' does not exist.")
{
    public override int StatusCode => 404;
}

public sealed class ConflictException(string message)
    : NeedlingException("Conflict", message)
{
    public override int StatusCode => 409;
}

/// <summary>Input that is well-formed but wrong: each entry names a field and what is wrong with it.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : NeedlingException("Invalid request", "One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 400;
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["errors"] = Errors };
}

/// <summary>A request that breaks a business rule (422), with the rule's id.</summary>
public sealed class RuleViolationException(string ruleId, string message, object? details = null)
    : NeedlingException("Refused by a rule", message)
{
    public string RuleId { get; } = ruleId;
    public override int StatusCode => 422;
    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["ruleId"] = RuleId, ["details"] = details };
}

/// <summary>Signed in, with the right role, but without the permission this action needs (403).</summary>
public sealed class ForbiddenException(string message)
    : NeedlingException("Not permitted", message)
{
    public override int StatusCode => 403;
}
