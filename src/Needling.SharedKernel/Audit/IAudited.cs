namespace Needling.SharedKernel.Audit;

/// <summary>Marks an entity whose every insert, update and delete leaves an <see cref="AuditRecord"/>.</summary>
public interface IAudited
{
    Guid Id { get; }
}
