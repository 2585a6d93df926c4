/** 救助资金台账: every amount paid, by case and household. */
@ApplicationModule(displayName = "救助资金台账 Payment ledger")
package org.jiuzhu.ledger;

import org.springframework.modulith.ApplicationModule;
