/** 临时救助: registration, amount and route from the decision tables, aid first, payments. */
@ApplicationModule(displayName = "临时救助 Temporary assistance",
        allowedDependencies = {"casework", "engine", "ledger", "organisation", "system :: forms"})
package org.jiuzhu.temporary;

import org.springframework.modulith.ApplicationModule;
