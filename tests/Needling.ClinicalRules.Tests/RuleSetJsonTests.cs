using System.Text.Json.Nodes;

namespace Needling.ClinicalRules.Tests;

public sealed class RuleSetJsonTests
{
    [Fact]
    public void Default_rule_set_round_trips_through_json()
    {
        var rules = DefaultRuleSet.Load();

        var json = RuleSetJson.Serialize(rules);
        var again = RuleSetJson.Deserialize(json);

        Assert.Equal(json, RuleSetJson.Serialize(again));
        Assert.Equal(rules.Protocols.Select(p => p.Id), again.Protocols.Select(p => p.Id));
        Assert.Equal(rules.Contraindications.Select(c => c.Id), again.Contraindications.Select(c => c.Id));
        Assert.Equal(rules.Protocols[0].Depths, again.Protocols[0].Depths);
        Assert.Equal(rules.Contraindications[0].SeverityByTreatment, again.Contraindications[0].SeverityByTreatment);
    }

    [Fact]
    public void Json_uses_camel_case_names_and_enum_names()
    {
        var json = RuleSetJson.Serialize(DefaultRuleSet.Load());

        Assert.Contains("\"minIntervalDays\": 14", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"ProductNotCleared\"", json, StringComparison.Ordinal);
        Assert.Contains("\"MN-PEN\": \"Block\"", json, StringComparison.Ordinal);
        Assert.Contains("\"evidence\": \"P\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_ids_are_rejected_naming_the_id()
    {
        var json = Edit(root => root["contraindications"]![1]!["id"] = "ci.active-infection");

        var error = Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json));

        Assert.Contains("'ci.active-infection'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protocol_id_reused_by_a_contraindication_is_rejected()
    {
        var json = Edit(root => root["contraindications"]![0]!["id"] = "proto.mn-pen.acne-scars");

        Assert.Contains("proto.mn-pen.acne-scars", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fact_kind_is_rejected_naming_the_rule()
    {
        var json = Edit(root => Rule(root, "ci.keloid-history")["match"]!["kind"] = "Horoscope");

        Assert.Contains("ci.keloid-history", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_severity_is_rejected_naming_the_rule()
    {
        var json = Edit(root => Rule(root, "ci.pregnancy")["severityByTreatment"]!["UC-MSC"] = "Maybe");

        Assert.Contains("ci.pregnancy", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_severity_is_rejected()
    {
        var json = Edit(root => Rule(root, "ci.pregnancy")["severityByTreatment"]!["UC-MSC"] = 1);

        Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json));
    }

    [Fact]
    public void Unknown_minimum_severity_is_rejected_naming_the_rule()
    {
        var json = Edit(root => Rule(root, "ci.severe-acne")["match"]!["minimumSeverity"] = "awful");

        Assert.Contains("ci.severe-acne", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_without_a_source_is_rejected_naming_the_rule()
    {
        var json = Edit(root => Protocol(root, "proto.mn-pen.hypopigmentation").AsObject().Remove("source"));

        Assert.Contains("proto.mn-pen.hypopigmentation", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_with_a_blank_citation_is_rejected_naming_the_rule()
    {
        var json = Edit(root => Rule(root, "ci.lymphoedema")["source"]!["citation"] = " ");

        Assert.Contains("ci.lymphoedema", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_protocol_for_the_same_treatment_and_indication_is_rejected()
    {
        var json = Edit(root =>
        {
            var copy = root["protocols"]![0]!.DeepClone();
            copy["id"] = "proto.mn-pen.hyperpigmentation.copy";
            root["protocols"]!.AsArray().Add(copy);
        });

        Assert.Contains("proto.mn-pen.hyperpigmentation.copy", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_property_is_rejected_rather_than_ignored()
    {
        var json = Edit(root =>
        {
            var protocol = root["protocols"]![0]!.AsObject();
            protocol.Remove("minIntervalDays");
            protocol["minIntervalDay"] = 1;
        });

        Assert.Contains("proto.mn-pen.hyperpigmentation", Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_rejected()
    {
        var json = """{ "version": 1, "version": 2, "protocols": [], "contraindications": [] }""";

        Assert.Throws<FormatException>(() => RuleSetJson.Deserialize(json));
    }

    [Fact]
    public void Text_that_is_not_json_is_rejected()
    {
        Assert.Throws<FormatException>(() => RuleSetJson.Deserialize("{ not json"));
    }

    private static JsonNode Protocol(JsonNode root, string id) =>
        root["protocols"]!.AsArray().Single(r => (string?)r!["id"] == id)!;

    private static JsonNode Rule(JsonNode root, string id) =>
        root["contraindications"]!.AsArray().Single(r => (string?)r!["id"] == id)!;

    private static string Edit(Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(DefaultRuleSet.ReadJson())!;
        edit(root);
        return root.ToJsonString();
    }
}
