/**
 * The rules every task and start form is held to (allowed fields, submitted values with Chinese messages):
 * the infrastructure the case types' form rules are written on.
 */
@NamedInterface("forms")
package org.jiuzhu.system.forms;

import org.springframework.modulith.NamedInterface;
