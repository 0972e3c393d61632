using Needling.Booking.Availability;
using Needling.Contracts.Clinic;

namespace Needling.Booking.Tests;

public class QualificationTests
{
    private static PractitionerInfo Holding(DateOnly? licence, params (string Code, DateOnly? Expires)[] qualifications) =>
        new(Guid.NewGuid(), "Dr Test", true, licence, qualifications.Select(q => new QualificationInfo(q.Code, q.Expires)).ToList());

    private static readonly IReadOnlyList<string> DryNeedling = ["dry-needling-certification"];
    private static readonly IReadOnlyList<string> FacialDryNeedling = ["dry-needling-certification", "facial-anatomy-training"];

    [Fact]
    public void A_practitioner_missing_a_required_qualification_is_never_qualified()
    {
        Assert.Null(Qualification.QualifiedUntil(Holding(null, ("physician", null)), [DryNeedling]));
    }

    [Fact]
    public void Qualified_until_the_earliest_expiry_in_the_set_and_the_licence()
    {
        var p = Holding(new DateOnly(2027, 6, 30), ("dry-needling-certification", new DateOnly(2027, 12, 31)), ("facial-anatomy-training", new DateOnly(2027, 3, 31)));
        Assert.Equal(new DateOnly(2027, 3, 31), Qualification.QualifiedUntil(p, [FacialDryNeedling]));
        Assert.Equal(new DateOnly(2027, 6, 30), Qualification.QualifiedUntil(p, [DryNeedling]));
    }

    [Fact]
    public void Any_one_indications_set_is_enough_and_the_longest_lasting_counts()
    {
        var p = Holding(null, ("dry-needling-certification", null), ("facial-anatomy-training", new DateOnly(2027, 3, 31)));
        Assert.Equal(DateOnly.MaxValue, Qualification.QualifiedUntil(p, [FacialDryNeedling, DryNeedling]));
    }

    [Fact]
    public void A_renewed_qualification_counts_by_its_latest_expiry()
    {
        var p = Holding(null, ("dry-needling-certification", new DateOnly(2025, 1, 1)), ("dry-needling-certification", new DateOnly(2028, 1, 1)));
        Assert.Equal(new DateOnly(2028, 1, 1), Qualification.QualifiedUntil(p, [DryNeedling]));
    }
}
