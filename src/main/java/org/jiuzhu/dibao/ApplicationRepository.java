package org.jiuzhu.dibao;

import org.jiuzhu.casework.HouseholdType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/** Applications with their members and income items. */
@Repository
@NamedInterface("enrolment")
public class ApplicationRepository {

    private static final String COLUMNS = "select * from dibao_application";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public ApplicationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Stores a new application and announces it ({@link ApplicationRegistered}); returns its id. */
    public long insert(String applicationNo, String countyCode, String townshipCode, ApplicationForm form,
                       String submittedVia, String submittedBy, Instant submittedAt, String processInstanceId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dibao_application (application_no, county_code, township_code, village_code,
                    household_type, applicant_name, applicant_id_number, applicant_phone, address,
                    deposit_amount, vehicle_count, housing_count, relative_of_official, relative_declaration,
                    single_person, single_person_id_number, pledge_accepted, submitted_via, submitted_by,
                    submitted_at, process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationNo, countyCode, townshipCode, form.unitCode, form.householdType.name(),
                        form.applicantName.strip(), upper(form.applicantIdNumber), form.applicantPhone.strip(),
                        form.address.strip(), form.depositAmount, form.vehicleCount, form.housingCount,
                        form.relativeOfOfficial, form.relativeOfOfficial ? form.relativeDeclaration : null,
                        form.singlePerson, form.singlePerson ? upper(form.singlePersonIdNumber) : null,
                        form.pledge, submittedVia, submittedBy, Timestamp.from(submittedAt), processInstanceId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertHousehold(id, form);
        events.publishEvent(new ApplicationRegistered(id, form.unitCode, townshipCode, countyCode, submittedAt));
        return id;
    }

    /** Replaces the household data of an application (a correction of the materials). */
    public void updateHousehold(long id, ApplicationForm form) {
        jdbc.sql("""
                update dibao_application set household_type = ?, applicant_name = ?, applicant_id_number = ?,
                    applicant_phone = ?, address = ?, deposit_amount = ?, vehicle_count = ?, housing_count = ?,
                    relative_of_official = ?, relative_declaration = ?, single_person = ?,
                    single_person_id_number = ?
                where id = ?""")
                .params(form.householdType.name(), form.applicantName.strip(), upper(form.applicantIdNumber),
                        form.applicantPhone.strip(), form.address.strip(), form.depositAmount, form.vehicleCount,
                        form.housingCount, form.relativeOfOfficial,
                        form.relativeOfOfficial ? form.relativeDeclaration : null, form.singlePerson,
                        form.singlePerson ? upper(form.singlePersonIdNumber) : null, id)
                .update();
        jdbc.sql("delete from household_member where application_id = ?").param(id).update();
        jdbc.sql("delete from income_item where application_id = ?").param(id).update();
        insertHousehold(id, form);
    }

    /**
     * Binds a public application to the process instance that takes it in. Only an application stored
     * from the public page and bound to no process yet can be claimed — that is, one stored in the
     * claiming transaction: committed ones are bound already.
     */
    public boolean claimForProcess(long id, String processInstanceId) {
        return jdbc.sql("""
                update dibao_application set process_instance_id = ?
                where id = ? and process_instance_id is null and submitted_via = 'PUBLIC'""")
                .params(processInstanceId, id).update() == 1;
    }

    public void setStatus(long id, ApplicationStatus status) {
        jdbc.sql("update dibao_application set status = ? where id = ?").params(status.name(), id).update();
    }

    public Optional<DibaoApplication> findById(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(this::map).optional();
    }

    public Optional<DibaoApplication> findByApplicationNo(String applicationNo) {
        return jdbc.sql(COLUMNS + " where application_no = ?").param(applicationNo).query(this::map).optional();
    }

    /** The login of the official who registered the application; empty for a public application. */
    public Optional<String> submittedBy(long id) {
        return jdbc.sql("select submitted_by from dibao_application where id = ?").param(id).query(String.class)
                .optional();
    }

    /** The application's number (its case's business key) alone, without loading the household. */
    public String applicationNoOf(long id) {
        return jdbc.sql("select application_no from dibao_application where id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> new IllegalStateException("No dibao application " + id));
    }

    public DibaoApplication get(long id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("No dibao application " + id));
    }

    private void insertHousehold(long id, ApplicationForm form) {
        int position = 0;
        for (ApplicationForm.MemberForm m : form.members) {
            jdbc.sql("""
                    insert into household_member (application_id, position, name, id_number, relation,
                        labour_ability, disability_grade, disability_kind, serious_illness)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, m.name.strip(), upper(m.idNumber), m.relation.name(),
                            m.labourAbility.name(), m.disabilityGrade,
                            m.disabilityGrade > 0 && m.disabilityKind != null ? m.disabilityKind.name() : null,
                            m.seriousIllness)
                    .update();
        }
        position = 0;
        for (ApplicationForm.IncomeForm i : form.incomes) {
            jdbc.sql("""
                    insert into income_item (application_id, position, kind, member_id_number, monthly_amount, note)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, i.kind.name(),
                            i.memberIdNumber == null || i.memberIdNumber.isBlank() ? null : upper(i.memberIdNumber),
                            i.monthlyAmount, i.note)
                    .update();
        }
    }

    private DibaoApplication map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<HouseholdMember> members = jdbc.sql("select * from household_member where application_id = ? order by position")
                .param(id)
                .query((m, r) -> new HouseholdMember(m.getString("name"), m.getString("id_number"),
                        Relation.valueOf(m.getString("relation")), LabourAbility.valueOf(m.getString("labour_ability")),
                        m.getInt("disability_grade"),
                        m.getString("disability_kind") == null ? null : DisabilityKind.valueOf(m.getString("disability_kind")),
                        m.getBoolean("serious_illness")))
                .list();
        List<IncomeItem> incomes = jdbc.sql("select * from income_item where application_id = ? order by position")
                .param(id)
                .query((i, r) -> new IncomeItem(IncomeKind.valueOf(i.getString("kind")), i.getString("member_id_number"),
                        i.getBigDecimal("monthly_amount"), i.getString("note")))
                .list();
        return new DibaoApplication(id, rs.getString("application_no"), rs.getString("county_code"),
                rs.getString("township_code"), rs.getString("village_code"),
                HouseholdType.valueOf(rs.getString("household_type")), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("applicant_phone"), rs.getString("address"),
                rs.getBigDecimal("deposit_amount"), rs.getInt("vehicle_count"), rs.getInt("housing_count"),
                rs.getBoolean("relative_of_official"), rs.getString("relative_declaration"),
                rs.getBoolean("single_person"), rs.getString("single_person_id_number"),
                rs.getBoolean("pledge_accepted"), rs.getString("submitted_via"),
                rs.getTimestamp("submitted_at").toInstant(), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), members, incomes);
    }

    private static String upper(String idNumber) {
        return idNumber == null ? null : idNumber.strip().toUpperCase();
    }
}
