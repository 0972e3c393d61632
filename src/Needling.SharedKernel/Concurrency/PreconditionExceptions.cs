using Needling.SharedKernel.Errors;

namespace Needling.SharedKernel.Concurrency;

/// <summary>An update sent without If-Match (428): it could overwrite a change its sender never saw.</summary>
public sealed class PreconditionRequiredException()
    : NeedlingException("If-Match required",
        "This change needs the If-Match header with the ETag of the version you read (GET it first), so that it cannot overwrite a change made since.")
{
    public override int StatusCode => 428;
}

/// <summary>An update whose If-Match is not the record's current ETag (412): someone changed it in between.</summary>
public sealed class PreconditionFailedException(string what)
    : NeedlingException("Changed since you read it",
        $"The {what} was changed by someone else since you read it (If-Match is not its current ETag): read it again, check, and repeat your change with the new ETag.")
{
    public override int StatusCode => 412;
}
