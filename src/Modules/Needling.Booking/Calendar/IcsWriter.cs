using System.Globalization;
using System.Text;

namespace Needling.Booking.Calendar;

internal sealed record IcsEvent(string Uid, DateTime StartUtc, DateTime EndUtc, string Summary, string? Location, int Sequence, bool Cancelled);

internal sealed record IcsCalendar(string ProductId, string Name, DateTime StampUtc, IReadOnlyList<IcsEvent> Events);

/// <summary>
/// Writes an RFC 5545 iCalendar: CRLF line ends, TEXT values escaped (backslash, semicolon, comma, newline;
/// other control characters dropped), and lines folded so that none is longer than 75 octets of UTF-8,
/// never inside a character (RFC 5545 §3.1, §3.3.11). Times are UTC ("...Z").
/// </summary>
internal static class IcsWriter
{
    public const string ContentType = "text/calendar";
    private const int MaxOctets = 75;

    public static string Write(IcsCalendar calendar)
    {
        var sb = new StringBuilder(256 + calendar.Events.Count * 300);
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "PRODID:" + Escape(calendar.ProductId));
        Line(sb, "VERSION:2.0");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendar.Name));
        // Hints for subscribing clients (RFC 7986 and the de-facto Microsoft name) to poll every quarter hour.
        Line(sb, "REFRESH-INTERVAL;VALUE=DURATION:PT15M");
        Line(sb, "X-PUBLISHED-TTL:PT15M");
        foreach (var e in calendar.Events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Escape(e.Uid));
            Line(sb, "DTSTAMP:" + Utc(calendar.StampUtc));
            Line(sb, "DTSTART:" + Utc(e.StartUtc));
            Line(sb, "DTEND:" + Utc(e.EndUtc));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, e.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location))
            {
                Line(sb, "LOCATION:" + Escape(e.Location));
            }
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>RFC 5545 TEXT escaping.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    break;
                case '\n': sb.Append(@"\n"); break;
                case '\t': sb.Append(c); break;
                default:
                    if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Appends one content line, folded: after 75 octets, CRLF and a space, which counts on the next line.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > MaxOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += length;
        }
        sb.Append("\r\n");
    }
}
