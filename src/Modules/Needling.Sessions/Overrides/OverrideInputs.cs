using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Overrides;

internal static class OverrideInputs
{
    public static void Validate(Validator v, IReadOnlyList<OverrideInput>? overrides)
    {
        v.Require(overrides is null || overrides.Count <= 30, "overrides", "at most 30 overrides.");
        for (var i = 0; i < (overrides?.Count ?? 0); i++)
        {
            v.NotBlank(overrides![i].RuleId, $"overrides[{i}].ruleId", 200).NotBlank(overrides[i].Reason, $"overrides[{i}].reason", 1000);
        }
    }
}
