package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitCodesTest {

    @ParameterizedTest
    @CsvSource({
        "341899000000, COUNTY,   ",
        "341899001000, TOWNSHIP, 341899000000",
        "341899100201, VILLAGE,  341899100000",
        "341899001001, VILLAGE,  341899001000"
    })
    void derivesLevelAndParentFromTheCode(String code, UnitLevel level, String parent) {
        assertThat(UnitLevel.ofCode(code)).isEqualTo(level);
        assertThat(UnitCodes.parentCodeOf(code)).isEqualTo(parent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "34189900000", "3418990000000", "34189900000x", "000000000000", "34189900 000"})
    void rejectsMalformedCodes(String code) {
        assertThat(UnitCodes.isWellFormed(code)).isFalse();
    }

    @Test
    void rejectsNoCode() {
        assertThat(UnitCodes.isWellFormed(null)).isFalse();
    }

    @Test
    void findsTheMostLocalUnitAmongGroups() {
        assertThat(UnitGroups.mostLocalUnitCode(List.of("supervisors", "township-341899001000", "village-341899001001")))
                .contains("341899001001");
        assertThat(UnitGroups.mostLocalUnitCode(List.of("township-341899001000-leaders", "township-341899001000")))
                .contains("341899001000");
        assertThat(UnitGroups.mostLocalUnitCode(List.of("camunda-admin", "township-341899001000-leaders"))).isEmpty();
    }

    @Test
    void letsEveryLevelAboveACaseReadIt() {
        AdminUnit county = new AdminUnit("341899000000", "清源县", UnitLevel.COUNTY, null);
        AdminUnit township = new AdminUnit("341899001000", "城关街道", UnitLevel.TOWNSHIP, county.code());
        AdminUnit village = new AdminUnit("341899001001", "东门社区", UnitLevel.VILLAGE, township.code());

        assertThat(UnitGroups.caseReaders(List.of(village, township, county))).containsExactly(
                "village-341899001001",
                "township-341899001000",
                "county-341899000000", "county-341899000000-supervisors");
    }
}
