/** Model rules on every deployment and version migration of running cases. */
@ApplicationModule(displayName = "流程建模 Modeling")
package org.jiuzhu.modeling;

import org.springframework.modulith.ApplicationModule;
