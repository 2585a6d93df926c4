package org.jiuzhu.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The county the benchmark works in, registered the way an administrator does it: units on our page
 * {@code /admin/units} (which creates their groups and permissions), officials and memberships through
 * the REST API Camunda Admin uses. The postgres profile seeds nothing, so this is all there is.
 * <p>
 * K officials work the pipeline: one officer per village and township that takes part, and the
 * county's officers, sized to the work per case (village 2 tasks, township 2 and the objections,
 * county 1). The other units only hold the generated history and backlog.
 */
final class Organisation {

    static final String COUNTY = "341899000000";

    record Unit(String code, String name, String townshipCode) {
        String group() {
            return (code.endsWith("000000") ? "county-" : code.endsWith("000") ? "township-" : "village-") + code;
        }
    }

    /** An official of one unit group; {@code index} of {@code groupSize} officers who share its tasks. */
    record Official(String id, String password, String role, Unit unit, int index, int groupSize) {
    }

    final Unit county;
    final List<Unit> townships = new ArrayList<>();
    final List<Unit> villages = new ArrayList<>();
    final List<Unit> pipelineVillages = new ArrayList<>();
    final List<Official> officials = new ArrayList<>();
    final Official supervisor;
    final Official townshipLeader;
    final Official countyOfficer;
    final String adminUser = "benchadmin";
    final String adminPassword = "bench-" + UUID.randomUUID();
    private final String password = "bench-" + UUID.randomUUID();

    Organisation(BenchSettings settings) {
        int k = settings.officials();
        int county = Math.max(1, Math.round(k / 5f));
        int township = Math.max(1, Math.round(2 * k / 5f));
        int village = k - county - township;
        if (village < township) {
            township = Math.max(1, (k - county) / 2);
            village = k - county - township;
        }
        int perTownship = (village + township - 1) / township;
        if (settings.townships() < township || settings.villagesPerTownship() < perTownship) {
            throw new IllegalArgumentException("Too few units for " + k + " officials: raise bench.townships or bench.villagesPerTownship");
        }
        this.county = new Unit(COUNTY, "清源县", null);
        for (int t = 1; t <= settings.townships(); t++) {
            String code = COUNTY.substring(0, 6) + "%03d".formatted(t) + "000";
            townships.add(new Unit(code, "第" + t + "镇", code));
            for (int v = 1; v <= settings.villagesPerTownship(); v++) {
                villages.add(new Unit(code.substring(0, 9) + "%03d".formatted(v), "第" + t + "镇第" + v + "村", code));
            }
        }
        for (int i = 0; i < county; i++) {
            officials.add(new Official("county" + (i + 1), password, "县级经办", this.county, i, county));
        }
        for (int i = 0; i < township; i++) {
            officials.add(new Official("township" + (i + 1), password, "乡镇经办", townships.get(i), 0, 1));
        }
        for (int j = 0; j < village; j++) {
            // Village j lies in township j % t, so every township that works has villages that feed it.
            Unit unit = villages.get((j % township) * settings.villagesPerTownship() + j / township);
            pipelineVillages.add(unit);
            officials.add(new Official("village" + (j + 1), password, "村级经办", unit, 0, 1));
        }
        supervisor = new Official("supervisor1", password, "督办", this.county, 0, 1);
        townshipLeader = new Official("leader1", password, "乡镇领导", townships.get(0), 0, 1);
        countyOfficer = officials.get(0);
    }

    List<Unit> allUnits() {
        List<Unit> all = new ArrayList<>();
        all.add(county);
        for (Unit township : townships) {
            all.add(township);
            villages.stream().filter(v -> v.townshipCode().equals(township.code())).forEach(all::add);
        }
        return all;
    }

    Unit townshipOf(Unit village) {
        return townships.stream().filter(t -> t.code().equals(village.townshipCode())).findFirst().orElseThrow();
    }

    long count(String role) {
        return officials.stream().filter(o -> o.role().equals(role)).count();
    }

    /** Registers units and officials; the administrator is logged in on {@code admin}. */
    void register(Web.Session adminBrowser, Web.Session adminRest) {
        for (Unit unit : allUnits()) {
            String token = Web.csrfToken(adminBrowser.get("setup: units page", "/admin/units").require().body());
            Web.Response response = adminBrowser.postForm("setup: add unit", "/admin/units",
                    Map.of("code", unit.code(), "name", unit.name()), token, 302).require();
            if (!response.location().endsWith("/admin/units")) {
                throw new Web.BenchFailure("Unit " + unit.code() + " refused: " + Web.snippet(response.body()));
            }
        }
        for (Official official : officials) {
            createUser(adminRest, official, official.unit().group());
        }
        createUser(adminRest, supervisor, county.group() + "-supervisors");
        createUser(adminRest, townshipLeader, townshipLeader.unit().group(), townshipLeader.unit().group() + "-leaders");
    }

    private static void createUser(Web.Session admin, Official official, String... groups) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", official.id());
        profile.put("firstName", official.role());
        profile.put("lastName", official.id());
        admin.postJson("setup: create user", "/engine-rest/user/create",
                Map.of("profile", profile, "credentials", Map.of("password", official.password())), 204).require();
        for (String group : groups) {
            admin.putJson("setup: add membership", "/engine-rest/group/" + group + "/members/" + official.id(), "",
                    204).require();
        }
    }
}
