package org.jiuzhu.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The registered villages and communities, grouped by township, for the public pages' selects. */
@Service
public class VillageDirectory {

    /** The villages of one township; {@code label} names the county too when there are several. */
    public record Township(AdminUnit township, String label, List<AdminUnit> villages) {
    }

    private final AdminUnitRepository units;

    public VillageDirectory(AdminUnitRepository units) {
        this.units = units;
    }

    public List<Township> byTownship() {
        List<AdminUnit> all = units.findAll();
        Map<String, AdminUnit> byCode = new LinkedHashMap<>();
        all.forEach(unit -> byCode.put(unit.code(), unit));
        boolean severalCounties = all.stream().filter(u -> u.level() == UnitLevel.COUNTY).count() > 1;
        Map<String, List<AdminUnit>> villages = new LinkedHashMap<>();
        for (AdminUnit unit : all) {
            if (unit.level() == UnitLevel.VILLAGE && byCode.containsKey(unit.parentCode())) {
                villages.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(unit);
            }
        }
        List<Township> townships = new ArrayList<>();
        villages.forEach((code, list) -> {
            AdminUnit township = byCode.get(code);
            AdminUnit county = byCode.get(township.parentCode());
            String label = severalCounties && county != null ? county.name() + " " + township.name() : township.name();
            townships.add(new Township(township, label, List.copyOf(list)));
        });
        return townships;
    }

    /** A registered village or community (not a township or county). */
    public Optional<AdminUnit> village(String code) {
        return code == null ? Optional.empty()
                : units.findByCode(code).filter(unit -> unit.level() == UnitLevel.VILLAGE);
    }
}
