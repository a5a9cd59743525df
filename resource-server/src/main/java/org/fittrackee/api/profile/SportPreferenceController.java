package org.fittrackee.api.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.users.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** A user's preferences per sport: color, availability, stopped speed, pace or speed. */
@RestController
public class SportPreferenceController {

    private static final Logger LOG = LoggerFactory.getLogger(SportPreferenceController.class);

    static final String SPORT_NOT_FOUND = "sport does not exist";

    private final SportPreferenceRepository preferences;

    public SportPreferenceController(SportPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** PATCH, and POST, which FitTrackee keeps as a deprecated alias. */
    @RequestMapping(
            path = "/api/auth/profile/edit/sports",
            method = {RequestMethod.PATCH, RequestMethod.POST})
    @RequireAuth(scope = "profile:write")
    @Transactional
    public Map<String, Object> edit(
            AuthenticatedUser caller, @RequestBody(required = false) Map<String, Object> body) {
        SportPreference.Sport sport = sport(SportPreferenceEdit.sportIdOf(body));
        SportPreferenceEdit edit = SportPreferenceEdit.from(body);

        SportPreference current =
                preferences
                        .findForUpdate(caller.id(), sport.id())
                        .orElseGet(() -> SportPreference.defaultsFor(caller.id(), sport));
        SportPreference changed = edit.applyTo(current, sport);
        preferences.save(changed);
        LOG.debug("User {} changed their preferences for sport {}", caller.id(), sport.id());

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("message", "user sport preferences updated");
        response.put("data", changed.toJson());
        return response;
    }

    @DeleteMapping("/api/auth/profile/reset/sports/{sport_id}")
    @RequireAuth(scope = "profile:write")
    @Transactional
    public ResponseEntity<Void> reset(
            AuthenticatedUser caller, @PathVariable("sport_id") String sportId) {
        SportPreference.Sport sport = sport(parseSportId(sportId));

        preferences.delete(caller.id(), sport.id());
        return ResponseEntity.noContent().build();
    }

    private SportPreference.Sport sport(long sportId) {
        if (sportId < Integer.MIN_VALUE || sportId > Integer.MAX_VALUE) {
            throw FittrackeeException.notFound(SPORT_NOT_FOUND);
        }
        return preferences
                .findSport((int) sportId)
                .orElseThrow(() -> FittrackeeException.notFound(SPORT_NOT_FOUND));
    }

    /** A path segment that is no integer names no sport. */
    private static long parseSportId(String sportId) {
        try {
            return Long.parseLong(sportId);
        } catch (NumberFormatException e) {
            throw FittrackeeException.notFound(SPORT_NOT_FOUND);
        }
    }
}
