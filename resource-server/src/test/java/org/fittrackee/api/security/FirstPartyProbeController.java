package org.fittrackee.api.security;

import java.util.Map;
import org.fittrackee.api.users.AuthenticatedUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A first-party-only endpoint that exists in the tests only, to exercise the rule. */
@RestController
class FirstPartyProbeController {

    @GetMapping("/api/testing/first-party")
    @FirstPartyOnly
    Map<String, Object> probe(AuthenticatedUser caller) {
        return Map.of("status", "success", "username", caller.user().username());
    }
}
