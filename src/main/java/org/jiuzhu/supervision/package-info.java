/** 督办: overdue work, its escalation to the next level, the overdue overview. */
@ApplicationModule(displayName = "督办 Supervision")
package org.jiuzhu.supervision;

import org.springframework.modulith.ApplicationModule;
