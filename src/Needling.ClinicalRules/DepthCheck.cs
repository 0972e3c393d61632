using System.Globalization;

namespace Needling.ClinicalRules;

// Depth errors cause pigmentation and scarring (seed 002), so a depth or a number of passes outside the
// protocol's range is refused, or, where the clinic's rule set says Warn (ProtocolRule.OutOfRangeSeverity),
// allowed only with the practitioner's written reason.
public static class DepthCheck
{
    public static Finding? Check(ProtocolRule protocol, string zone, decimal depthMm)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        // No depths at all = depth does not apply (dry needling, "n/a" in clinical-defaults.md).
        if (protocol.Depths.Count == 0)
            return null;

        var range = protocol.Depths.FirstOrDefault(d => string.Equals(d.Zone, zone, StringComparison.Ordinal));
        if (range is null)
            return new Finding(BuiltInRuleIds.DepthZoneUnknown, BuiltInRules.Version, Severity.Warn,
                $"{protocol.Id} sets no depth for zone '{zone}'. Check the depth against the manufacturer chart.",
                BuiltInRules.DepthChartSource);

        if (depthMm >= range.MinMm && depthMm <= range.MaxMm)
            return null;
        return new Finding(protocol.Id + ".depth", protocol.Version, protocol.OutOfRangeSeverity,
            string.Create(CultureInfo.InvariantCulture,
                $"{depthMm} mm is outside {range.MinMm}-{range.MaxMm} mm for the {zone} zone under {protocol.Id}."),
            protocol.Source);
    }

    public static Finding? CheckPasses(ProtocolRule protocol, int passes)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if ((protocol.PassesMin is null || passes >= protocol.PassesMin) && (protocol.PassesMax is null || passes <= protocol.PassesMax))
            return null;
        var range = $"{protocol.PassesMin?.ToString(CultureInfo.InvariantCulture) ?? "any"}-{protocol.PassesMax?.ToString(CultureInfo.InvariantCulture) ?? "any"}";
        return new Finding(protocol.Id + ".passes", protocol.Version, protocol.OutOfRangeSeverity,
            string.Create(CultureInfo.InvariantCulture, $"{passes} passes is outside the {range} passes of {protocol.Id}."),
            protocol.Source);
    }
}
