package org.fittrackee.api.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.Dates;
import org.fittrackee.api.http.FittrackeeException;

/**
 * A checked {@code POST /api/auth/profile/edit} body: the five profile fields, every key required
 * and each value nullable, texts within their columns' lengths.
 */
record ProfileEdit(
        String firstName, String lastName, String bio, LocalDate birthDate, String location) {

    static final List<String> KEYS =
            List.of("first_name", "last_name", "bio", "birth_date", "location");

    static ProfileEdit from(Map<String, Object> body) {
        BodyValues.withKeys(body, KEYS);
        return new ProfileEdit(
                BodyValues.text(body, "first_name", 80),
                BodyValues.text(body, "last_name", 80),
                BodyValues.text(body, "bio", 200),
                birthDate(body.get("birth_date")),
                BodyValues.text(body, "location", 80));
    }

    /** A date as {@code YYYY-MM-DD}; null or empty clears it. */
    private static LocalDate birthDate(Object value) {
        if (value == null || "".equals(value)) {
            return null;
        }
        String text = value instanceof String string ? string : null;
        return Dates.parseDay(text)
                .orElseThrow(
                        () ->
                                FittrackeeException.badRequest(
                                        "birth_date must be a date formatted as YYYY-MM-DD"));
    }
}
