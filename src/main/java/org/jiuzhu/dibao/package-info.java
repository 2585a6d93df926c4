/** 最低生活保障: applications, checks, assessment, enrolment; named interface {@code enrolment} for emergency. */
@ApplicationModule(displayName = "最低生活保障 Dibao")
package org.jiuzhu.dibao;

import org.springframework.modulith.ApplicationModule;
