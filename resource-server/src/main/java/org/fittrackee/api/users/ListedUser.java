package org.fittrackee.api.users;

/** A row of the users directory: the user and their number of workouts. */
public record ListedUser(User user, long nbWorkouts) {}
