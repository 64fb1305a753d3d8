package dev.bcsetup.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes Bot Framework activities. The SDK (4.14.3) declares {@code Activity.timestamp} with a
 * pattern that demands fractional seconds, and Teams sometimes sends none ({@code 2026-11-25T21:49:37Z}):
 * a mix-in gives both timestamps a deserializer that takes any ISO-8601 form.
 */
public final class TeamsJson {

    private TeamsJson() {
    }

    /** A mapper for activities as Teams sends them. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addMixIn(Activity.class, TolerantTimestamps.class)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** The mix-in: replaces the SDK's strict pattern for the two timestamps. */
    abstract static class TolerantTimestamps {
        @JsonDeserialize(using = TolerantTimestamp.class)
        OffsetDateTime timestamp;

        @JsonDeserialize(using = TolerantTimestamp.class)
        OffsetDateTime localTimestamp;
    }

    /** ISO-8601 with or without fractional seconds, with an offset or (read as UTC) without one. */
    static final class TolerantTimestamp extends StdScalarDeserializer<OffsetDateTime> {

        TolerantTimestamp() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            return text == null || text.isBlank() ? null : parse(text.strip());
        }

        /** The instant, or null when the value is not a date: a timestamp is informative, never worth a lost message. */
        static OffsetDateTime parse(String text) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
