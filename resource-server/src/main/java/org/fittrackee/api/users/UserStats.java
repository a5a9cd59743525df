package org.fittrackee.api.users;

import java.util.List;

/**
 * What a user's full JSON says about their workouts: how many, of which sports, and the totals.
 *
 * @param totalMoving seconds in motion over all workouts
 */
public record UserStats(
        long nbWorkouts,
        List<Integer> sportIds,
        double totalDistance,
        double totalAscent,
        double totalMoving) {}
