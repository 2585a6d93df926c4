package org.jiuzhu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which units' monthly sums a case counts in. */
class DashboardCountedUnitTest {

    @Test
    void aVillageCaseCountsForTheVillageItsTownshipAndItsCounty() {
        assertThat(CountedUnit.chainOf("341899001001")).containsExactly(
                new CountedUnit("341899001001", "VILLAGE"), new CountedUnit("341899001000", "TOWNSHIP"),
                new CountedUnit("341899000000", "COUNTY"));
    }

    @Test
    void aTownshipCaseCountsForTheTownshipAndItsCounty() {
        assertThat(CountedUnit.chainOf("341899001000")).containsExactly(
                new CountedUnit("341899001000", "TOWNSHIP"), new CountedUnit("341899000000", "COUNTY"));
    }

    @Test
    void aCaseWithoutAUnitCountsForNobody() {
        assertThat(CountedUnit.chainOf(null)).containsExactly(new CountedUnit("", "NONE"));
        assertThat(CountedUnit.chainOf("12345")).containsExactly(new CountedUnit("", "NONE"));
    }
}
