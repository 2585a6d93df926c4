/** The case kernel every case type stands on: case numbers, grants, stages, time limits, notices, refusals. */
@ApplicationModule(displayName = "案件公共内核 Casework")
package org.jiuzhu.casework;

import org.springframework.modulith.ApplicationModule;
