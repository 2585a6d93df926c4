package org.jiuzhu.support;

import org.jiuzhu.organisation.OrganisationService;

/**
 * A county of a test's own, with townships and villages, so that the cases other tests leave in the shared
 * database change none of the test's counts. Codes as the divisions have them: 6 digits county, 3 township,
 * 3 village ({@code village(1, 2)} of {@code 341895} is {@code 341895001002}).
 */
public record TestCounty(String prefix, String name) {

    public TestCounty {
        if (!prefix.matches("\\d{6}")) {
            throw new IllegalArgumentException("six digits expected: " + prefix);
        }
    }

    public String code() {
        return prefix + "000000";
    }

    public String township(int township) {
        return "%s%03d000".formatted(prefix, township);
    }

    public String village(int township, int village) {
        return "%s%03d%03d".formatted(prefix, township, village);
    }

    /** Registers the county, then the units given as code, name, code, name … (townships before their villages). */
    public void register(OrganisationService organisation, String... codesAndNames) {
        organisation.addUnit(code(), name);
        for (int i = 0; i + 1 < codesAndNames.length; i += 2) {
            organisation.addUnit(codesAndNames[i], codesAndNames[i + 1]);
        }
    }
}
