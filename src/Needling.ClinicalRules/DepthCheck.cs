using System.Globalization;

namespace Needling.ClinicalRules;

// Depth errors cause pigmentation (seed 002), so a depth outside the protocol's zone range warns: the
// practitioner may have a reason, but must write it down.
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
        return new Finding(protocol.Id + ".depth", protocol.Version, Severity.Warn,
            string.Create(CultureInfo.InvariantCulture,
                $"{depthMm} mm is outside {range.MinMm}-{range.MaxMm} mm for the {zone} zone under {protocol.Id}."),
            protocol.Source);
    }
}
