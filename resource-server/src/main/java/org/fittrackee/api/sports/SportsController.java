package org.fittrackee.api.sports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FitTrackee's {@code /api/sports}: everyone reads every sport, inactive ones included (each says
 * whether it is active, and active for the caller), and admins switch sports on and off.
 */
@RestController
public class SportsController {

    private static final Logger LOG = LoggerFactory.getLogger(SportsController.class);

    private final SportRepository sports;

    public SportsController(SportRepository sports) {
        this.sports = sports;
    }

    @GetMapping("/api/sports")
    @RequireAuth(scope = "workouts:read", optional = true, allowSuspended = true)
    public Map<String, Object> list(
            AuthenticatedUser caller,
            @RequestParam(name = "check_workouts", defaultValue = "false") String checkWorkouts) {
        boolean admin = caller != null && caller.isAdmin();
        boolean withWorkouts = admin && "true".equalsIgnoreCase(checkWorkouts);
        Set<Integer> used = withWorkouts ? sports.sportIdsWithWorkouts() : Set.of();

        List<Map<String, Object>> visible =
                sports.findAll(caller == null ? null : caller.id()).stream()
                        .map(
                                sport ->
                                        SportJson.of(
                                                sport,
                                                withWorkouts ? used.contains(sport.id()) : null))
                        .toList();
        return sportsResponse(visible);
    }

    @GetMapping("/api/sports/{sportId}")
    @RequireAuth(scope = "workouts:read")
    public Map<String, Object> get(AuthenticatedUser caller, @PathVariable String sportId) {
        Sport sport = knownSport(caller, sportId);
        return sportsResponse(List.of(SportJson.of(sport, null)));
    }

    @PatchMapping("/api/sports/{sportId}")
    @RequireAuth(scope = "workouts:write", role = Role.ADMIN)
    @Transactional
    public Map<String, Object> update(
            AuthenticatedUser caller,
            @PathVariable String sportId,
            @RequestBody(required = false) Map<String, Object> body) {
        Sport sport = knownSport(caller, sportId);
        if (body == null || !(body.get("is_active") instanceof Boolean active)) {
            throw FittrackeeException.invalidPayload();
        }

        sports.setActive(sport.id(), active);
        LOG.info(
                "Sport {} set {} by admin {}",
                sport.id(),
                active ? "active" : "inactive",
                caller.id());
        Sport updated = sports.findById(sport.id(), caller.id()).orElseThrow();
        return sportsResponse(List.of(SportJson.of(updated, null)));
    }

    private Sport knownSport(AuthenticatedUser caller, String sportId) {
        Integer id = SportJson.parseId(sportId);
        return (id == null ? Optional.<Sport>empty() : sports.findById(id, caller.id()))
                .orElseThrow(() -> FittrackeeException.notFoundData("sports", List.of()));
    }

    private static Map<String, Object> sportsResponse(List<Map<String, Object>> sports) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", Map.of("sports", sports));
        return response;
    }
}
