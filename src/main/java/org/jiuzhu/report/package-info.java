/** 月报: the townships' monthly reports and the Excel exports. */
@ApplicationModule(displayName = "月报 Reports")
package org.jiuzhu.report;

import org.springframework.modulith.ApplicationModule;
