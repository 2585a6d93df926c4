package org.jiuzhu.emergency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declared emergencies of a county or township. While one is active, applications of its villages
 * may take the same-day path; ending it starts the catch-up formalities of every open same-day case
 * of that emergency.
 */
@Service
public class EmergencyPeriods {

    /** A user error (Chinese message shown as it is). */
    public static class EmergencyException extends RuntimeException {
        public EmergencyException(String message) {
            super(message);
        }
    }

    public record Period(long id, String unitCode, String unitName, EmergencyReason reason, String description,
                         Instant startedAt, String declaredBy, Instant endedAt, String endedBy) {

        public boolean active() {
            return endedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final AdminUnitRepository units;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;

    public EmergencyPeriods(JdbcClient jdbc, AdminUnitRepository units, RuntimeService runtimeService,
                            IdentityService identityService, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** Declares an emergency for a county or township; one active emergency per unit at a time. */
    @Transactional
    public long declare(String unitCode, EmergencyReason reason, String description, String declaredBy) {
        AdminUnit unit = units.findByCode(unitCode)
                .orElseThrow(() -> new EmergencyException("未登记的单位：" + unitCode));
        if (unit.level() == UnitLevel.VILLAGE) {
            throw new EmergencyException("紧急状态只能由县（区）或乡镇（街道）启动");
        }
        if (reason == null) {
            throw new EmergencyException("请选择突发事件类别");
        }
        if (description == null || description.isBlank() || description.length() > 500) {
            throw new EmergencyException("请填写事件说明（不超过 500 字）");
        }
        if (activeOf(unitCode).isPresent()) {
            throw new EmergencyException(unit.name() + "已处于紧急状态，无需重复启动");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into emergency_period (unit_code, reason, description, started_at, declared_by)
                values (?, ?, ?, ?, ?)""")
                .params(unitCode, reason.name(), description.strip(), Timestamp.from(clock.instant()), declaredBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Ends the emergency and starts the catch-up formalities (补办手续) of its open same-day cases that
     * wait for it; cases still in their same-day review start them as soon as they get there.
     * Returns how many cases started them now.
     */
    @Transactional
    public int end(long periodId, String endedBy) {
        Period period = find(periodId).orElseThrow(() -> new EmergencyException("没有这个紧急状态记录"));
        if (!period.active()) {
            throw new EmergencyException("该紧急状态已于此前结束");
        }
        jdbc.sql("update emergency_period set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), endedBy, periodId).update();
        // The county officer who ends it may read the cases but not move them: the system does.
        return CurrentUser.withoutUser(identityService, () -> {
            // Cases not yet waiting for the end route on this variable when they get there.
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .variableValueEquals(EmergencyVariables.EMERGENCY_PERIOD_ID, periodId).list()) {
                runtimeService.setVariable(instance.getId(), EmergencyVariables.EMERGENCY_ENDED, true);
            }
            return runtimeService.createMessageCorrelation(EmergencyVariables.MESSAGE_EMERGENCY_ENDED)
                    .processInstanceVariableEquals(EmergencyVariables.EMERGENCY_PERIOD_ID, periodId)
                    .correlateAllWithResult().size();
        });
    }

    /**
     * Whether the case's emergency has ended, for cases started on a model deployed before the variable
     * {@code emergencyEnded} (their gateway asks {@code ${emergencyPeriods.isEnded(emergencyPeriodId)}}).
     */
    public boolean isEnded(Object periodId) {
        return find(((Number) periodId).longValue()).map(p -> !p.active()).orElse(true);
    }

    /** The active emergency that covers a village (declared for its township or county). */
    public Optional<Period> activeFor(String villageCode) {
        List<AdminUnit> chain = units.findChain(villageCode);
        for (AdminUnit unit : chain) {
            Optional<Period> period = activeOf(unit.code());
            if (period.isPresent()) {
                return period;
            }
        }
        return Optional.empty();
    }

    public Optional<Period> activeOf(String unitCode) {
        return jdbc.sql(SELECT + " where p.unit_code = ? and p.ended_at is null").param(unitCode)
                .query((rs, row) -> period(rs)).optional();
    }

    public Optional<Period> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query((rs, row) -> period(rs)).optional();
    }

    public List<Period> active() {
        return jdbc.sql(SELECT + " where p.ended_at is null order by p.started_at").query((rs, row) -> period(rs)).list();
    }

    /** Every emergency of these units, the active ones first, then the latest. */
    public List<Period> ofUnits(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.unit_code in (:units) order by case when p.ended_at is null then 0 else 1 end, p.started_at desc")
                .param("units", unitCodes).query((rs, row) -> period(rs)).list();
    }

    private static final String SELECT = """
            select p.*, u.name as unit_name from emergency_period p join admin_unit u on u.code = p.unit_code""";

    private static Period period(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Period(rs.getLong("id"), rs.getString("unit_code"), rs.getString("unit_name"),
                EmergencyReason.valueOf(rs.getString("reason")), rs.getString("description"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("declared_by"),
                ended == null ? null : ended.toInstant(), rs.getString("ended_by"));
    }
}
