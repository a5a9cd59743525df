package org.fittrackee.api.stats;

/**
 * The instance's figures for moderators.
 *
 * @param workouts every user's workouts
 * @param sports the sports that have at least one workout
 * @param users the active users
 * @param uploadsDirSize the bytes of the stored workout files
 */
record ApplicationStatistics(long workouts, long sports, long users, long uploadsDirSize) {}
