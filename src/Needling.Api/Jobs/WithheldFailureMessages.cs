using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;

namespace Needling.Api.Jobs;

/// <summary>
/// A failed job as Hangfire keeps it (dashboard, retry reasons): the exception's types and stack trace, never its
/// message. A message may quote patient data (a name in a validation error, an address in an SMTP refusal) and the
/// dashboard is the Admin's, who never sees patient data. The job's exception is replaced here, after it ran and
/// before Hangfire makes a state of it: an exception thrown from OnPerformed becomes the job's failure.
/// </summary>
internal sealed class WithheldFailureMessages : IServerFilter
{
    /// <summary>Outside the telemetry filter (lower orders wrap higher ones), so that spans keep the real type.</summary>
    public const int Order = -100;

    // Hangfire's FailedState prints the stack trace kept under this key when there is one (ShallowExceptionHelper);
    // were that to change, the dashboard would lose the stack trace, not show a message.
    private const string OriginalStackTrace = "OriginalStackTrace";

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        // The job's own exception comes wrapped; cancellations and aborts come bare and are left to Hangfire.
        if (context.Exception is JobPerformanceException { InnerException: { } thrown } && thrown is not WithheldFailure)
        {
            throw new WithheldFailure(thrown);
        }
    }

    internal sealed class WithheldFailure : Exception
    {
        public WithheldFailure(Exception original)
            : base(Describe(original))
        {
            var traces = new List<string>();
            for (var e = original; e is not null; e = e.InnerException)
            {
                traces.Add($"{e.GetType().FullName}:\n{new StackTrace(e, fNeedFileInfo: false)}");
            }
            Data[OriginalStackTrace] = string.Join("\n", traces);
        }

        /// <summary>The chain of exception types, outermost first, e.g. "DbUpdateException → PostgresException".</summary>
        private static string Describe(Exception original)
        {
            var types = new List<string>();
            for (var e = original; e is not null; e = e.InnerException)
            {
                types.Add(e.GetType().Name);
            }
            return $"{string.Join(" → ", types)} (message withheld: it may quote patient data)";
        }
    }
}
