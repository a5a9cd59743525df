package org.fittrackee.api.sports;

import java.util.Set;

/**
 * A sport as one user sees it: the instance's sport with the user's own preferences applied.
 *
 * @param color the user's color, or null
 * @param isActiveForUser whether the sport is active and the user has not switched it off
 * @param paceSpeedDisplay the user's choice of pace or speed, else the sport's default
 */
public record Sport(
        int id,
        String label,
        boolean isActive,
        boolean isActiveForUser,
        double stoppedSpeedThreshold,
        String color,
        String paceSpeedDisplay) {

    /** The sports whose pace can be shown; every other sport shows its speed only. */
    public static final Set<String> PACE_SPORTS = Set.of("Hiking", "Running", "Trail", "Walking");

    public boolean showsPace() {
        return PACE_SPORTS.contains(label);
    }
}
