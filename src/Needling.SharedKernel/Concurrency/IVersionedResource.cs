namespace Needling.SharedKernel.Concurrency;

/// <summary>An answer that shows a versioned record: <c>AnswersETag()</c> sends its version as the ETag.</summary>
public interface IVersionedResource
{
    int Version { get; }
}
