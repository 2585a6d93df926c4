/** 急难救助当日审批: emergencies, the same-day path, its archive, catch-up through dibao's enrolment. */
@ApplicationModule(displayName = "急难救助当日审批 Emergency same-day",
        allowedDependencies = {"casework", "dibao :: enrolment", "engine", "ledger", "organisation", "supervision",
                "system :: forms", "verification"})
package org.jiuzhu.emergency;

import org.springframework.modulith.ApplicationModule;
