package org.jiuzhu.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seeds the demo county 清源县 (units in {@code demo/organisation.json}) and one official per role.
 * Idempotent: a restart finds everything in place and adds nothing.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "jiuzhu.demo.enabled", havingValue = "true")
public class DemoOrganisationSeeder implements ApplicationRunner {

    static final String DEMO_DATA = "demo/organisation.json";

    /** A unit and, optionally, its office for applicants (office name, phone, address, hours). */
    record DemoUnit(String code, String name, String office, String phone, String address, String hours) {
    }

    record DemoOfficial(String id, String surname, String givenName, String unit, OfficialRole role) {
    }

    record DemoOrganisation(String password, List<DemoUnit> units, List<DemoOfficial> officials) {
    }

    private final OrganisationService organisation;
    private final OfficialService officials;
    private final ObjectMapper objectMapper;
    private final UnitContacts contacts;

    public DemoOrganisationSeeder(OrganisationService organisation, OfficialService officials,
                                  ObjectMapper objectMapper, UnitContacts contacts) {
        this.contacts = contacts;
        this.organisation = organisation;
        this.officials = officials;
        this.objectMapper = objectMapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    public void seed() {
        DemoOrganisation demo = read();
        // Listed parents first, so each unit finds its parent.
        demo.units().forEach(unit -> organisation.addUnit(unit.code(), unit.name()));
        demo.units().stream().filter(unit -> unit.office() != null).forEach(unit -> contacts.addIfMissing(
                new UnitContacts.Contact(unit.code(), unit.office(), unit.phone(), unit.address(), unit.hours())));
        demo.officials().forEach(o ->
                officials.ensureOfficial(o.id(), o.surname(), o.givenName(), demo.password(), o.unit(), o.role()));
    }

    private DemoOrganisation read() {
        try (InputStream in = new ClassPathResource(DEMO_DATA).getInputStream()) {
            return objectMapper.readValue(in, DemoOrganisation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_DATA, e);
        }
    }
}
