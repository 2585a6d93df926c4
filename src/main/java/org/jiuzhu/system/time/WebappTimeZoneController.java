package org.jiuzhu.system.time;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The setting's zone for the webapps' app/jiuzhu/time-zone.js, next to the script itself: Tasklist,
 * Cockpit and Admin show their times in it whatever zone the official's computer is set to.
 */
@RestController
class WebappTimeZoneController {

    private final Clock clock;

    WebappTimeZoneController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/jiuzhu/time-zone.json")
    ResponseEntity<Map<String, String>> timeZone() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(Map.of("zone", clock.getZone().getId(), "name", TimeZoneSetting.displayName(clock.getZone())));
    }
}
