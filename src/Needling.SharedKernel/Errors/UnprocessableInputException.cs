namespace Needling.SharedKernel.Errors;

/// <summary>
/// Well-formed input that makes no sense as a record (a closure ending before it starts, opening hours that overlap, a
/// form for a treatment that does not exist): 422, each entry naming a field and what is wrong with it. Nothing is written.
/// </summary>
public sealed class UnprocessableInputException(IReadOnlyDictionary<string, string[]> errors)
    : NeedlingException("Not accepted", "One or more fields make no sense as given: " + string.Join(", ", errors.Keys) + ".")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 422;
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["errors"] = Errors };

    public static UnprocessableInputException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
