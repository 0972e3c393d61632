namespace Needling.SharedKernel.Audit;

/// <summary>Who is acting: a staff account id, or "system" for start-up and background work.</summary>
public interface ICurrentActor
{
    string Id { get; }
}
