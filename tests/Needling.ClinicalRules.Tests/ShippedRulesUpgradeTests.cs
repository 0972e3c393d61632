namespace Needling.ClinicalRules.Tests;

/// <summary>A clinic installed from an earlier edition of the defaults gets the rules shipped since, and keeps its own changes.</summary>
public sealed class ShippedRulesUpgradeTests
{
    private static readonly RuleSet Shipped = DefaultRuleSet.Load();

    [Fact]
    public void A_clinic_on_the_current_defaults_is_not_changed() =>
        Assert.Null(ShippedRulesUpgrade.Apply(Shipped, Shipped, Shipped));

    [Fact]
    public void A_safety_rule_written_after_the_clinic_was_installed_is_added()
    {
        var newRule = Shipped.Contraindications[^1];
        var installed = Shipped with { Contraindications = Shipped.Contraindications.Where(c => c != newRule).ToList() };
        var upgrade = ShippedRulesUpgrade.Apply(installed, installed, Shipped)!.Value;
        Assert.Equal([newRule.Id], upgrade.Added);
        Assert.Contains(upgrade.Rules.Contraindications, c => c.Id == newRule.Id);
    }

    [Fact]
    public void A_rule_the_clinic_never_changed_becomes_the_shipped_one_and_a_rule_it_changed_is_kept()
    {
        var pen = Shipped.Protocols.Single(p => p.Id == "proto.mn-pen.hyperpigmentation");
        var roller = Shipped.Protocols.First(p => p.TreatmentCode == "MN-ROLLER");
        var oldPen = pen with { Version = 1, MinIntervalDays = pen.MinIntervalDays - 2 };
        var oldRoller = roller with { Version = 1, MinIntervalDays = roller.MinIntervalDays - 2 };
        var installed = Shipped with { Protocols = [.. Shipped.Protocols.Where(p => p != pen && p != roller), oldPen, oldRoller] };
        var clinicEdit = oldRoller with { Version = 2, MinIntervalDays = 60 };
        var current = installed with { Version = 2, Protocols = [.. installed.Protocols.Where(p => p != oldRoller), clinicEdit] };

        var upgrade = ShippedRulesUpgrade.Apply(installed, current, Shipped)!.Value;

        Assert.Equal([pen.Id], upgrade.Updated);
        Assert.Equal(pen.MinIntervalDays, upgrade.Rules.Protocols.Single(p => p.Id == pen.Id).MinIntervalDays);
        Assert.Equal(60, upgrade.Rules.Protocols.Single(p => p.Id == roller.Id).MinIntervalDays);
    }

    [Fact]
    public void A_rule_the_clinic_retired_is_not_brought_back()
    {
        var retired = Shipped.Contraindications[0];
        var current = Shipped with { Version = 2, Contraindications = Shipped.Contraindications.Skip(1).ToList() };
        Assert.Null(ShippedRulesUpgrade.Apply(Shipped, current, Shipped));
        Assert.DoesNotContain(current.Contraindications, c => c.Id == retired.Id);
    }
}
