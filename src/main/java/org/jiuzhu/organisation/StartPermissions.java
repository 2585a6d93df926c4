package org.jiuzhu.organisation;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.jiuzhu.engine.CaseProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may start which process. A process model names the unit levels whose officials may start it in
 * the extension property {@value #PROPERTY} (e.g. {@code village,township,county}); every unit group of
 * those levels then holds CREATE_INSTANCE on the process key, and no other group does (administrators
 * excepted). A process without the property — the monthly reports, the overdue scan, the 督办 process —
 * is started by the engine only. What was last granted is kept in {@code start_permission}, so that a
 * deployment or a start changes grants only when a model changed its levels.
 */
@Service
public class StartPermissions {

    public static final String PROPERTY = CaseProcesses.STARTABLE_BY;

    private static final Logger LOG = LoggerFactory.getLogger(StartPermissions.class);

    private final AuthorizationService authorizationService;
    private final AdminUnitRepository units;
    private final JdbcClient jdbc;

    public StartPermissions(AuthorizationService authorizationService, AdminUnitRepository units, JdbcClient jdbc) {
        this.authorizationService = authorizationService;
        this.units = units;
        this.jdbc = jdbc;
    }

    /** The levels a value of {@value #PROPERTY} names; unknown words are ignored (the model rules report them). */
    public static Set<UnitLevel> levelsOf(String declared) {
        Set<UnitLevel> levels = EnumSet.noneOf(UnitLevel.class);
        words(declared).forEach(word -> levelNamed(word).ifPresent(levels::add));
        return levels;
    }

    /** The words of a value of {@value #PROPERTY} that name no unit level. */
    public static List<String> unknownWords(String declared) {
        return words(declared).filter(word -> levelNamed(word).isEmpty()).toList();
    }

    private static Stream<String> words(String declared) {
        return declared == null ? Stream.empty() : Arrays.stream(declared.split("[,，\\s]+")).filter(w -> !w.isBlank());
    }

    private static Optional<UnitLevel> levelNamed(String word) {
        String name = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(UnitLevel.values()).filter(l -> l.groupPrefix().equals(name)).findFirst();
    }

    /**
     * Makes the grants of a process key those its latest model declares. Runs inside the caller's
     * transaction (a deployment, the start-up check); the caller must be allowed to grant.
     */
    public void apply(String processKey, Set<UnitLevel> declared) {
        Set<UnitLevel> granted = grantedLevels(processKey);
        if (granted.equals(declared)) {
            return;
        }
        for (AdminUnit unit : units.findAll()) {
            boolean wanted = declared.contains(unit.level());
            if (wanted && !granted.contains(unit.level())) {
                Grants.toGroup(authorizationService, unit.groupId(), PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
            } else if (!wanted && granted.contains(unit.level())) {
                Grants.withdraw(authorizationService, unit.groupId(), PROCESS_DEFINITION, processKey, CREATE_INSTANCE);
            }
        }
        jdbc.sql("delete from start_permission where process_key = ?").param(processKey).update();
        if (!declared.isEmpty()) {
            jdbc.sql("insert into start_permission (process_key, unit_levels) values (?, ?)")
                    .params(processKey, declared.stream().map(UnitLevel::groupPrefix).collect(Collectors.joining(",")))
                    .update();
        }
        LOG.info("Process {} may be started by {} (was {})", processKey, declared, granted);
    }

    /** A new unit's group may start the processes its level may start. */
    public void grantTo(AdminUnit unit) {
        for (String processKey : jdbc.sql("select process_key, unit_levels from start_permission")
                .query((rs, row) -> levelsOf(rs.getString(2)).contains(unit.level()) ? rs.getString(1) : null)
                .list()) {
            if (processKey != null) {
                Grants.toGroup(authorizationService, unit.groupId(), PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
            }
        }
    }

    /**
     * Units were once allowed to start every process (CREATE_INSTANCE on {@code *}): a village officer
     * could start the monthly reports or a 督办. Takes that back where it is still granted.
     */
    public void withdrawStartingAnything() {
        List<Authorization> wildcard = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(PROCESS_DEFINITION).resourceId(Authorization.ANY)
                .hasPermission(CREATE_INSTANCE).list();
        for (Authorization grant : wildcard) {
            if (grant.getGroupId() != null && UnitGroups.unitCodeOf(grant.getGroupId()).isPresent()) {
                grant.removePermission(CREATE_INSTANCE);
                authorizationService.saveAuthorization(grant);
            }
        }
    }

    private Set<UnitLevel> grantedLevels(String processKey) {
        return jdbc.sql("select unit_levels from start_permission where process_key = ?").param(processKey)
                .query(String.class).optional().map(StartPermissions::levelsOf).orElse(EnumSet.noneOf(UnitLevel.class));
    }
}
