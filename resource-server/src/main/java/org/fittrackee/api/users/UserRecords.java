package org.fittrackee.api.users;

import java.util.List;
import java.util.Map;

/**
 * The records listed in a user's full JSON. Records are computed and shaped by the workouts code,
 * which provides this bean; the users code only places them.
 */
public interface UserRecords {

    /** The user's records as FitTrackee's record JSON, in the order to show them. */
    List<Map<String, Object>> of(User user);
}
