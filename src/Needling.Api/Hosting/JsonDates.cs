using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Needling.Api.Hosting;

/// <summary>
/// Dates and times in request bodies, read strictly for every endpoint. An instant must carry its offset ("Z" or
/// "+09:00"): without one, System.Text.Json reads it in the host's zone, which books the wrong hour on a server not set
/// to the clinic's zone. Years outside <see cref="MinYear"/>..<see cref="MaxYear"/> are refused: none is a real
/// appointment, birth or closure, and 0001 or 9999 overflow the first day added or zone converted. Writing is unchanged.
/// </summary>
internal static class JsonDates
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public static void AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new InstantConverter());
        options.Converters.Add(new DateTimeConverter());
        options.Converters.Add(new DateOnlyConverter());
    }

    public static string? Problem(int year) =>
        year is < MinYear or > MaxYear ? $"the year must be between {MinYear} and {MaxYear}." : null;

    /// <summary>ISO 8601 with a time must end in Z or ±hh:mm; a bare date or time of day is not an instant.</summary>
    public static bool HasOffset(string text)
    {
        var t = text.AsSpan().Trim();
        int time = t.IndexOf('T') is var i and >= 0 ? i : t.IndexOf(' ');
        if (time < 0)
        {
            return false;
        }
        var tail = t[(time + 1)..];
        return tail.EndsWith("Z") || tail.EndsWith("z") || tail.LastIndexOfAny('+', '-') is var sign and > 0 && tail[sign..].Contains(':');
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new InputFieldException("must be a string in ISO 8601 format.");

    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = Text(ref reader);
            if (!HasOffset(text))
            {
                throw new InputFieldException("must be a date and time with an offset, e.g. 2026-12-07T10:00:00Z or 2026-12-07T19:00:00+09:00.");
            }
            if (!reader.TryGetDateTimeOffset(out var value))
            {
                throw new InputFieldException("must be an ISO 8601 date and time with an offset.");
            }
            return Problem(value.Year) is { } p ? throw new InputFieldException(p) : value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A DateTime in a body is an instant too (its Kind would otherwise follow the text or the host).</summary>
    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = Text(ref reader);
            if (!HasOffset(text))
            {
                throw new InputFieldException("must be a date and time with an offset, e.g. 2026-12-07T10:00:00Z.");
            }
            if (!reader.TryGetDateTimeOffset(out var value))
            {
                throw new InputFieldException("must be an ISO 8601 date and time with an offset.");
            }
            return Problem(value.Year) is { } p ? throw new InputFieldException(p) : value.UtcDateTime;
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = Text(ref reader);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                throw new InputFieldException("must be a date as yyyy-MM-dd.");
            }
            return Problem(value.Year) is { } p ? throw new InputFieldException(p) : value;
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}

/// <summary>A field whose value is refused while reading the body; the message says what the field must be (never its value).</summary>
internal sealed class InputFieldException(string message) : JsonException(message);
