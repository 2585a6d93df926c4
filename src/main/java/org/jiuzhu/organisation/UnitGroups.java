package org.jiuzhu.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the Camunda groups that stand for units and roles.
 * <ul>
 *   <li>{@code village-<code>}, {@code township-<code>}, {@code county-<code>}: the unit's officials;
 *       user tasks are routed to these as candidate groups.</li>
 *   <li>{@code township-<code>-leaders}, {@code county-<code>-leaders}: the unit's leaders (分管领导),
 *       who always also belong to the unit group and see its cases through it.</li>
 *   <li>{@code county-<code>-supervisors}: the county's supervisors (督办), who see every case of the
 *       county without working on it; each is also in the role group {@code supervisors}.</li>
 *   <li>{@code camunda-admin}: administrators.</li>
 * </ul>
 */
public final class UnitGroups {

    public static final String ADMINISTRATORS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
    public static final String SUPERVISORS = "supervisors";
    public static final String LEADERS_SUFFIX = "-leaders";
    public static final String UNIT_GROUP_TYPE = "UNIT";
    public static final String ROLE_GROUP_TYPE = "ROLE";

    private static final Pattern UNIT_GROUP = Pattern.compile("(village|township|county)-(\\d{12})");
    private static final Pattern SUPERVISORS_GROUP = Pattern.compile("county-(\\d{12})-supervisors");

    private UnitGroups() {
    }

    public static String leaders(AdminUnit unit) {
        return unit.groupId() + LEADERS_SUFFIX;
    }

    public static String supervisors(AdminUnit county) {
        return county.groupId() + "-supervisors";
    }

    /** The unit code when the group is a unit group, e.g. {@code village-341899100201}. */
    public static Optional<String> unitCodeOf(String groupId) {
        Matcher matcher = UNIT_GROUP.matcher(groupId);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    /**
     * The county whose supervisors the group stands for, e.g. {@code county-341899000000-supervisors}:
     * supervisors belong to no unit group, so this is how their county is known.
     */
    public static Optional<String> supervisedCountyCodeOf(String groupId) {
        Matcher matcher = SUPERVISORS_GROUP.matcher(groupId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The county whose supervisors' group ({@code county-<code>-supervisors}) is among the groups. */
    public static Optional<String> supervisedCounty(Collection<String> groupIds) {
        return groupIds.stream().map(UnitGroups::supervisedCountyCodeOf).flatMap(Optional::stream).findFirst();
    }

    /** The most local unit among a user's groups (a village before its township). */
    public static Optional<String> mostLocalUnitCode(Collection<String> groupIds) {
        return groupIds.stream()
                .map(UnitGroups::unitCodeOf)
                .flatMap(Optional::stream)
                .max((a, b) -> UnitLevel.ofCode(a).compareTo(UnitLevel.ofCode(b)));
    }

    /**
     * The groups that may read a case of the lowest unit in {@code chain}: the unit itself, every unit
     * above it, and the county's supervisors. Leaders need no grant of their own: a leader is always
     * also an official of the unit ({@link OfficialService}), and every grant is a row per case in the
     * engine's authorization table, which every authorization check reads.
     */
    public static List<String> caseReaders(List<AdminUnit> chain) {
        List<String> groups = new ArrayList<>();
        for (AdminUnit unit : chain) {
            groups.add(unit.groupId());
            if (unit.level() == UnitLevel.COUNTY) {
                groups.add(supervisors(unit));
            }
        }
        return groups;
    }
}
