/** The public pages (apply, progress lookup, notices, objections) and the officials' home page. */
@ApplicationModule(displayName = "门户 Portal")
package org.jiuzhu.portal;

import org.springframework.modulith.ApplicationModule;
