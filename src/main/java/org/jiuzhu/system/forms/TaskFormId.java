package org.jiuzhu.system.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Camunda form (the {@code id} in {@code forms/*.form}, a user task's {@code camunda:formRef}) whose
 * submission the annotated record holds: its components are the form's editable field keys.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskFormId {

    String value();
}
