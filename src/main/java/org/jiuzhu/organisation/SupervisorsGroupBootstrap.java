package org.jiuzhu.organisation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role group of all supervisors ({@link UnitGroups#SUPERVISORS}) with its permissions, from the first
 * start on: the 督办 of tasks of no unit goes to it, and administrators add supervisors to it in Camunda
 * Admin. Otherwise only the demo data (adding its supervisor) would create it, and production has none.
 */
@Component
@Order(1)
public class SupervisorsGroupBootstrap implements ApplicationRunner {

    private final OrganisationService organisation;

    public SupervisorsGroupBootstrap(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisation.ensureSupervisorsGroup();
    }
}
