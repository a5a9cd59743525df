package org.fittrackee.api.stats;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.security.RequireAuth;
import org.fittrackee.api.users.AuthenticatedUser;
import org.fittrackee.api.users.Role;
import org.fittrackee.api.users.User;
import org.fittrackee.api.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FitTrackee's statistics: a user's own workouts by period and by sport, and the instance's counts
 * for moderators. None is open to suspended users.
 */
@RestController
public class StatsController {

    private static final Logger LOG = LoggerFactory.getLogger(StatsController.class);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final StatsRepository stats;
    private final UserRepository users;

    public StatsController(StatsRepository stats, UserRepository users) {
        this.stats = stats;
        this.users = users;
    }

    @GetMapping("/api/stats/{userName}/by_time")
    @RequireAuth(scope = "workouts:read")
    public Map<String, Object> byTime(
            AuthenticatedUser caller,
            @PathVariable("userName") String userName,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "time", required = false) String time,
            @RequestParam(name = "type", required = false) String type) {
        User user = ownStatisticsOf(caller, userName);
        ZoneId zone = zoneOf(user);
        DateRange range = DateRange.parse(from, to, zone);
        StatsType statsType = StatsType.fromParameter(type);
        StatsPeriod period = StatsPeriod.fromParameter(time);

        Map<String, Map<String, Object>> statistics = new TreeMap<>();
        for (PeriodStatistics bucket : stats.byTime(user.id(), zone, period, statsType, range)) {
            statistics
                    .computeIfAbsent(bucket.period(), label -> new TreeMap<>())
                    .put(String.valueOf(bucket.sportId()), bucket.toJson(statsType));
        }

        return success(Map.of("statistics", statistics));
    }

    @GetMapping("/api/stats/{userName}/by_sport")
    @RequireAuth(scope = "workouts:read")
    public Map<String, Object> bySport(
            AuthenticatedUser caller,
            @PathVariable("userName") String userName,
            @RequestParam(name = "sport_id", required = false) String sportId) {
        User user = ownStatisticsOf(caller, userName);
        Integer sport = sportIdOf(sportId);

        StatsRepository.SportsStatistics result = stats.bySport(user.id(), sport);
        if (!result.sportExists()) {
            throw FittrackeeException.notFound("sport does not exist");
        }

        Map<String, Object> statistics = new TreeMap<>();
        for (SportStatistics sportStatistics : result.sports()) {
            statistics.put(String.valueOf(sportStatistics.sportId()), sportStatistics.toJson());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("statistics", statistics);
        data.put("total_workouts", result.totalWorkouts());
        return success(data);
    }

    @GetMapping("/api/stats/all")
    @RequireAuth(scope = "workouts:read", role = Role.MODERATOR)
    public Map<String, Object> all() {
        ApplicationStatistics application = stats.application();

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workouts", application.workouts());
        data.put("sports", application.sports());
        data.put("users", application.users());
        data.put("uploads_dir_size", application.uploadsDirSize());
        return success(data);
    }

    /** The user named in the path, who must be the caller: FitTrackee shows nobody else's. */
    private User ownStatisticsOf(AuthenticatedUser caller, String userName) {
        User user =
                users.findByUsername(userName)
                        .orElseThrow(() -> FittrackeeException.notFound("user does not exist"));
        if (user.id() != caller.id()) {
            LOG.debug("User {} refused the statistics of user {}", caller.id(), user.id());
            throw FittrackeeException.forbidden();
        }
        return user;
    }

    /**
     * The user's time zone for grouping by period and reading dates. Only region names (such as
     * {@code Europe/Paris}) are used: PostgreSQL reads offsets like {@code UTC+2} with the POSIX
     * sign, the opposite of Java's, so anything else falls back to UTC.
     */
    private static ZoneId zoneOf(User user) {
        String timezone = user.preferences().timezone();
        if (timezone != null && ZoneId.getAvailableZoneIds().contains(timezone)) {
            return ZoneId.of(timezone);
        }
        return UTC;
    }

    /** The {@code sport_id} asked for; one that is not a sport's number names no sport. */
    private static Integer sportIdOf(String sportId) {
        if (sportId == null || sportId.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(sportId);
        } catch (NumberFormatException e) {
            throw FittrackeeException.notFound("sport does not exist");
        }
    }

    private static Map<String, Object> success(Map<String, Object> data) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", data);
        return response;
    }
}
