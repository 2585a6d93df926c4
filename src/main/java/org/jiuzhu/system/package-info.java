/** Infrastructure only: security, the REST API's guards, web hygiene, time, history, form-rule base. */
@ApplicationModule(displayName = "系统基础 System")
package org.jiuzhu.system;

import org.springframework.modulith.ApplicationModule;
