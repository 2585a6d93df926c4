/** Messages to applicants: the outbox, the SMS gateways and the sender job. */
@ApplicationModule(displayName = "短信通知 Messaging")
package org.jiuzhu.messaging;

import org.springframework.modulith.ApplicationModule;
