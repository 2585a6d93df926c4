/** The engine adapter: the only code that reaches into the process engine's internals. */
@ApplicationModule(displayName = "流程引擎适配 Engine")
package org.jiuzhu.engine;

import org.springframework.modulith.ApplicationModule;
