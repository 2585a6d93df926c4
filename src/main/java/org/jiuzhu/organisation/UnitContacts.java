package org.jiuzhu.organisation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office of a unit that applicants contact (table {@code unit_contact}). */
@Repository
public class UnitContacts {

    /** A unit's office; phone, address and hours may be unknown (null). */
    public record Contact(String unitCode, String officeName, String phone, String address, String officeHours) {
    }

    private final JdbcClient jdbc;

    public UnitContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(String unitCode) {
        return jdbc.sql("select * from unit_contact where unit_code = ?").param(unitCode)
                .query((rs, row) -> new Contact(rs.getString("unit_code"), rs.getString("office_name"),
                        rs.getString("phone"), rs.getString("address"), rs.getString("office_hours")))
                .optional();
    }

    /** Records the unit's office unless one is recorded already (an administrator's change stays). */
    public void addIfMissing(Contact contact) {
        if (find(contact.unitCode()).isEmpty()) {
            jdbc.sql("insert into unit_contact (unit_code, office_name, phone, address, office_hours) values (?, ?, ?, ?, ?)")
                    .params(contact.unitCode(), contact.officeName(), contact.phone(), contact.address(),
                            contact.officeHours())
                    .update();
        }
    }
}
