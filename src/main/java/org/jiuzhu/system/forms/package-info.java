/**
 * What every task and start form is held to, the infrastructure the case types' forms are written on: the
 * fields a form may submit ({@link org.jiuzhu.system.forms.FormFields}), and the one check of a task form on
 * completion ({@link org.jiuzhu.system.forms.TaskFormListener}), which binds the submission into the form's
 * record ({@link org.jiuzhu.system.forms.TaskFormId}) and validates it with Chinese messages.
 */
@NamedInterface("forms")
package org.jiuzhu.system.forms;

import org.springframework.modulith.NamedInterface;
