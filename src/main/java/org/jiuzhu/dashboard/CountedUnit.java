package org.jiuzhu.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.jiuzhu.organisation.UnitCodes;
import org.jiuzhu.organisation.UnitLevel;

/**
 * A unit of a case's chain: its own unit and every unit above it. The monthly sums count a case for its
 * own unit (the first of the chain); a case without a (well-formed) unit counts for nobody
 * ({@code ''}, level {@code NONE}), which only administrators see.
 */
record CountedUnit(String code, String level) {

    static final String NONE = "NONE";

    /** The case's unit first, then the units above it (the codes nest: see {@link UnitCodes#parentCodeOf}). */
    static List<CountedUnit> chainOf(String unitCode) {
        if (!UnitCodes.isWellFormed(unitCode)) {
            return List.of(new CountedUnit("", NONE));
        }
        List<CountedUnit> chain = new ArrayList<>(3);
        for (String code = unitCode; code != null; code = UnitCodes.parentCodeOf(code)) {
            chain.add(new CountedUnit(code, UnitLevel.ofCode(code).name()));
        }
        return chain;
    }

    /** The code of the chain's unit at a level, or null. */
    static String codeAt(List<CountedUnit> chain, UnitLevel level) {
        return chain.stream().filter(u -> u.level().equals(level.name())).map(CountedUnit::code).findFirst()
                .orElse(null);
    }
}
