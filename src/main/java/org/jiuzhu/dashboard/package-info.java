/** 统计分析: the dashboard's charts and figures, and the record of completed tasks. */
@ApplicationModule(displayName = "统计分析 Dashboard")
package org.jiuzhu.dashboard;

import org.springframework.modulith.ApplicationModule;
