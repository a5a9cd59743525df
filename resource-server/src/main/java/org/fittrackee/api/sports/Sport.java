package org.fittrackee.api.sports;

/**
 * A sport as one user sees it: the instance's sport with the user's own preferences applied.
 *
 * @param color the user's color, or null
 * @param isActiveForUser whether the sport is active and the user has not switched it off
 * @param paceSpeedDisplay the user's choice of pace or speed, or null
 */
public record Sport(
        int id,
        String label,
        boolean isActive,
        boolean isActiveForUser,
        double stoppedSpeedThreshold,
        String color,
        String paceSpeedDisplay) {}
