using System.Text;
using Needling.Booking.Calendar;

namespace Needling.Booking.Tests;

public class IcsWriterTests
{
    private static readonly DateTime Stamp = new(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);

    private static IcsEvent Event(string summary = "E. C. – MN-PEN", string? location = "Room 1", int sequence = 0, bool cancelled = false) =>
        new("0193a1b2-0000-7000-8000-000000000001@needling", new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), summary, location, sequence, cancelled);

    private static string Write(params IcsEvent[] events) => IcsWriter.Write(new IcsCalendar("-//Needling//Test//EN", "Dr Tanaka – Clinic", Stamp, events));

    private static List<string> Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").SkipLast(1).ToList();

    [Fact]
    public void A_calendar_has_the_required_header_and_one_event_per_appointment_in_UTC()
    {
        var lines = Unfolded(Write(Event(), Event(sequence: 2)));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//Needling//Test//EN", lines);
        Assert.Contains("CALSCALE:GREGORIAN", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("X-WR-CALNAME:Dr Tanaka – Clinic", lines);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(2, lines.Count(l => l == "END:VEVENT"));
        Assert.Contains("UID:0193a1b2-0000-7000-8000-000000000001@needling", lines);
        Assert.Contains("DTSTAMP:20261201T083000Z", lines);
        Assert.Contains("DTSTART:20261207T090000Z", lines);
        Assert.Contains("DTEND:20261207T100000Z", lines);
        Assert.Contains("LOCATION:Room 1", lines);
    }

    [Fact]
    public void Every_line_ends_with_CRLF_and_no_bare_line_feed_appears()
    {
        var ics = Write(Event(summary: "line one\nline two\r\nline three"));
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_newline()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf", IcsWriter.Escape("a\\b;c,d\ne\r\nf"));
        Assert.Contains(@"SUMMARY:Room 2\, left\; upstairs\\annex", Unfolded(Write(Event(summary: "Room 2, left; upstairs\\annex"))));
    }

    [Fact]
    public void Control_characters_are_dropped_from_text()
    {
        Assert.Equal("ab\tc", IcsWriter.Escape("a\u0007b\tc\u0000"));
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var summary = string.Concat(Enumerable.Repeat("É. Ö. – 治療 ", 20));
        var ics = Write(Event(summary: summary, location: new string('x', 200)));
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
        }
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        var lines = Unfolded(ics);
        Assert.Contains("SUMMARY:" + summary, lines);
        Assert.Contains("LOCATION:" + new string('x', 200), lines);
        Assert.Contains(ics.Split("\r\n"), l => l.StartsWith(' '));
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var summary = new string('s', 75 - "SUMMARY:".Length);
        Assert.Contains("SUMMARY:" + summary, Write(Event(summary: summary)).Split("\r\n"));
    }

    [Fact]
    public void A_cancelled_or_missed_appointment_is_published_as_cancelled_with_its_sequence()
    {
        var lines = Unfolded(Write(Event(sequence: 3, cancelled: true)));
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("SEQUENCE:3", lines);
        Assert.Contains("STATUS:CONFIRMED", Unfolded(Write(Event())));
    }

    [Fact]
    public void An_event_shows_initials_and_the_treatment_code_but_no_name()
    {
        Assert.Equal("E. C. – MN-PEN", CalendarFeedDownload.Summary("E. C.", "MN-PEN"));
        Assert.Equal("MN-PEN", CalendarFeedDownload.Summary("", "MN-PEN"));
        var ics = Write(Event(summary: CalendarFeedDownload.Summary("E. C.", "MN-PEN")));
        Assert.DoesNotContain("DESCRIPTION", ics);
        Assert.Contains("SUMMARY:E. C. – MN-PEN", Unfolded(ics));
    }

    [Fact]
    public void An_event_without_a_room_has_no_location()
    {
        Assert.DoesNotContain("LOCATION", Write(Event(location: null)));
    }

    [Fact]
    public void A_feed_token_is_43_url_safe_characters_and_only_its_hash_is_kept()
    {
        var token = FeedToken.New();
        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, FeedToken.New());
        Assert.Matches("^[0-9a-f]{64}$", FeedToken.Hash(token));
        Assert.Equal($"/calendar/{token}.ics", FeedToken.Url(token));
    }
}
