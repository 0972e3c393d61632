namespace Needling.SharedKernel.Audit;

/// <summary>Marks an entity whose every insert, update and delete leaves an <see cref="AuditRecord"/>.</summary>
public interface IAudited
{
    Guid Id { get; }

    /// <summary>
    /// The patient the record belongs to, for the audit row. By default the entity's own PatientId property, if it has
    /// one (the interceptor reads it); an entity that is the patient, or reaches the patient otherwise, says so here.
    /// </summary>
    Guid? AuditPatientId => null;
}
