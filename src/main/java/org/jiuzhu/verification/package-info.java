/** 家庭经济状况核对: the verification platform's records, their import, each household's summary. */
@ApplicationModule(displayName = "经济状况核对 Verification")
package org.jiuzhu.verification;

import org.springframework.modulith.ApplicationModule;
