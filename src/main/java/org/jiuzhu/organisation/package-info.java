/** Units, their groups and officials, start permissions and unit authorizations. */
@ApplicationModule(displayName = "组织机构 Organisation")
package org.jiuzhu.organisation;

import org.springframework.modulith.ApplicationModule;
