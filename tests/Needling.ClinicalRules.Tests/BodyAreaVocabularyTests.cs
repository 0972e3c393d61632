namespace Needling.ClinicalRules.Tests;

// The body-area vocabulary (clinical-defaults.md, "Body areas"): hierarchy, names, depth zones.
public sealed class BodyAreaVocabularyTests
{
    private static readonly BodyAreaVocabulary Areas = BodyAreaVocabulary.Default;

    private static readonly string[] FacialSubAreas = ["forehead", "periorbital", "nose", "cheeks", "upper-lip", "chin", "jawline"];

    private static readonly string[] BodyAreas =
    [
        "neck", "chest", "back", "upper-back", "lower-back", "abdomen", "scalp", "shoulder-left", "shoulder-right",
        "arm-left", "arm-right", "hand-left", "hand-right", "leg-left", "leg-right",
    ];

    public static TheoryData<string> EveryArea() => new(Areas.All.Select(a => a.Code));

    [Fact]
    public void The_vocabulary_lists_the_face_and_its_parts_and_the_body_areas_and_nothing_else()
    {
        string[] expected = ["face", .. FacialSubAreas, .. BodyAreas];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Areas.All.Select(a => a.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("forehead")]
    [InlineData("periorbital")]
    [InlineData("nose")]
    [InlineData("cheeks")]
    [InlineData("upper-lip")]
    [InlineData("chin")]
    [InlineData("jawline")]
    public void The_face_covers_each_facial_area_and_overlaps_it(string area)
    {
        Assert.Equal("face", Areas.All.Single(a => a.Code == area).Parent);
        Assert.True(Areas.Covers("face", area));
        Assert.True(Areas.Overlap("face", area));
        Assert.True(Areas.Overlap(area, "face"));
    }

    [Fact]
    public void A_facial_area_does_not_cover_the_whole_face()
    {
        Assert.False(Areas.Covers("cheeks", "face"));
    }

    [Theory]
    [InlineData("cheeks")]
    [InlineData("face")]
    [InlineData("upper-back")]
    public void An_area_covers_itself(string area)
    {
        Assert.True(Areas.Covers(area, area));
        Assert.True(Areas.Overlap(area, area));
    }

    [Fact]
    public void The_back_covers_the_upper_and_the_lower_back()
    {
        Assert.True(Areas.Covers("back", "upper-back"));
        Assert.True(Areas.Covers("back", "lower-back"));
        Assert.False(Areas.Overlap("upper-back", "lower-back"));
    }

    [Theory]
    [InlineData("cheeks", "chin")]
    [InlineData("periorbital", "forehead")]
    [InlineData("arm-left", "arm-right")]
    [InlineData("face", "neck")]
    [InlineData("face", "scalp")]
    [InlineData("back", "chest")]
    public void Neighbouring_areas_do_not_overlap(string a, string b)
    {
        Assert.False(Areas.Overlap(a, b));
        Assert.False(Areas.Overlap(b, a));
    }

    [Fact]
    public void An_area_outside_the_vocabulary_covers_only_itself()
    {
        Assert.False(Areas.Contains("knee"));
        Assert.True(Areas.Covers("knee", "knee"));
        Assert.False(Areas.Overlap("face", "knee"));
        Assert.Null(Areas.DepthZone("knee"));
    }

    [Theory]
    [MemberData(nameof(EveryArea))]
    public void Every_area_has_a_name_in_english_japanese_and_thai(string code)
    {
        var english = Areas.Name(code, "en");
        var japanese = Areas.Name(code, "ja");
        var thai = Areas.Name(code, "th");

        Assert.NotEqual(code, english);
        // Japanese in kana or kanji, Thai in Thai script: not the English name fallen back to.
        Assert.Contains(japanese, c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
        Assert.Contains(thai, c => c is >= '\u0E00' and <= '\u0E7F');
    }

    [Fact]
    public void A_name_falls_back_to_english_and_an_unknown_area_is_named_by_its_code()
    {
        Assert.Equal("Cheeks", Areas.Name("cheeks", "de"));
        Assert.Equal("頬", Areas.Name("cheeks", "ja"));
        Assert.Equal("knee", Areas.Name("knee", "ja"));
    }

    [Theory]
    [InlineData("forehead", Codes.Forehead)]
    [InlineData("periorbital", Codes.Periorbital)]
    [InlineData("nose", Codes.Nose)]
    [InlineData("cheeks", Codes.Cheeks)]
    [InlineData("upper-lip", Codes.UpperLip)]
    [InlineData("chin", Codes.Chin)]
    // The jawline is not on the manufacturer charts; it takes the chin's 0.5-1.0 mm, which the charts give cheeks too.
    [InlineData("jawline", Codes.Chin)]
    public void A_facial_area_is_checked_against_its_depth_chart_zone(string area, string zone)
    {
        Assert.Equal(zone, Areas.DepthZone(area));
    }

    [Fact]
    public void The_face_as_a_whole_has_no_depth_zone_because_depth_is_recorded_per_facial_area()
    {
        Assert.Null(Areas.DepthZone("face"));
    }

    [Theory]
    [InlineData("neck")]
    [InlineData("chest")]
    [InlineData("back")]
    [InlineData("upper-back")]
    [InlineData("lower-back")]
    [InlineData("abdomen")]
    [InlineData("scalp")]
    [InlineData("shoulder-left")]
    [InlineData("shoulder-right")]
    [InlineData("arm-left")]
    [InlineData("arm-right")]
    [InlineData("hand-left")]
    [InlineData("hand-right")]
    [InlineData("leg-left")]
    [InlineData("leg-right")]
    public void Every_area_off_the_face_is_checked_against_the_body_zone(string area)
    {
        Assert.Equal(Codes.Body, Areas.DepthZone(area));
    }

    [Fact]
    public void Every_depth_zone_of_the_vocabulary_is_a_zone_the_rules_know()
    {
        Assert.All(Areas.All.Where(a => a.DepthZone is not null), a => Assert.Contains(a.DepthZone!, Codes.Zones));
    }

    [Theory]
    [InlineData("""{ "areas": [ { "code": "cheeks", "parent": "face", "depthZone": "cheeks", "names": { "en": "Cheeks" } } ] }""", "parent 'face'")]
    [InlineData("""{ "areas": [ { "code": "a", "parent": "b", "depthZone": null, "names": { "en": "A" } }, { "code": "b", "parent": "a", "depthZone": null, "names": { "en": "B" } } ] }""", "inside itself")]
    [InlineData("""{ "areas": [ { "code": "nose", "parent": null, "depthZone": "nostril", "names": { "en": "Nose" } } ] }""", "depth zone 'nostril'")]
    [InlineData("""{ "areas": [ { "code": "nose", "parent": null, "depthZone": "nose", "names": { "en": "Nose" } }, { "code": "nose", "parent": null, "depthZone": "nose", "names": { "en": "Nose" } } ] }""", "listed twice")]
    [InlineData("""{ "areas": [ { "code": "nose", "parent": null, "depthZone": "nose", "names": { "ja": "鼻" } } ] }""", "English name")]
    public void A_mistyped_area_list_is_refused_naming_the_area(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => BodyAreaVocabulary.Parse(json));
        Assert.Contains(expected, e.Message);
    }
}
