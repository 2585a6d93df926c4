package org.jiuzhu.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.supervision.OverdueWork;

/**
 * Whose cases the dashboard counts: those of one or more units and everything below them (a village,
 * a township with its villages, a county), or every case (administrators). A case belongs to the
 * units of its {@code unitCode}, whichever unit works on it at the moment.
 *
 * @param units the units whose cases count, all of one level; empty for every case
 */
record DashboardScope(String name, List<AdminUnit> units) {

    static DashboardScope everything() {
        return new DashboardScope("全部地区", List.of());
    }

    static DashboardScope of(List<AdminUnit> units, String name) {
        if (units.isEmpty() || units.stream().map(AdminUnit::level).distinct().count() != 1) {
            throw new IllegalArgumentException("units of one level expected: " + units);
        }
        return new DashboardScope(name, List.copyOf(units));
    }

    boolean isEverything() {
        return units.isEmpty();
    }

    UnitLevel level() {
        return units.get(0).level();
    }

    List<String> codes() {
        return units.stream().map(AdminUnit::code).toList();
    }

    /**
     * The column that holds a case's unit at the scope's level in our tables ({@code village_code},
     * {@code township_code}, {@code county_code}).
     */
    String column() {
        return switch (level()) {
            case VILLAGE -> "village_code";
            case TOWNSHIP -> "township_code";
            case COUNTY -> "county_code";
        };
    }

    /**
     * A SQL condition limiting rows to the scope, with the named parameter {@code scopeCodes}
     * ({@link #codes()}); always true for every case.
     */
    String condition(String tableAlias) {
        return isEverything() ? "1 = 1" : tableAlias + "." + column() + " in (:scopeCodes)";
    }

    /** A SQL condition with its named parameters. */
    record SqlCondition(String sql, Map<String, Object> params) {
    }

    /**
     * A SQL condition limiting a column of case unit codes (a case's {@code unitCode}: the unit_code of
     * a monthly sum, the variable's text) to the scope, by {@link #unitCodePattern}; always true for
     * every case, cases without a unit included. Each parameter is named {@code scopeUnit0}, … .
     */
    SqlCondition unitCodeCondition(String column) {
        if (isEverything()) {
            return new SqlCondition("1 = 1", Map.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (AdminUnit unit : units) {
            String name = "scopeUnit" + params.size();
            params.put(name, unitCodePattern(unit));
            conditions.add(column + (unit.level() == UnitLevel.VILLAGE ? " = :" : " like :") + name);
        }
        return new SqlCondition("(" + String.join(" or ", conditions) + ")", params);
    }

    /**
     * The pattern of the case unit codes within one scope unit: unit codes nest (6 digits county,
     * 3 township, 3 village), so a township's cases are those whose code starts with its 9 digits.
     */
    static String unitCodePattern(AdminUnit unit) {
        return OverdueWork.casesOf(unit.code());
    }
}
