package org.jiuzhu.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Instant;
import java.util.Map;

import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The emergency pages: declaring and ending, the same-day choice on /apply, the archive. */
@JiuzhuIntegrationTest
class EmergencyPagesTest {

    @LocalServerPort int port;
    @Autowired EmergencyPeriods periods;
    @Autowired JdbcClient jdbc;
    @Autowired EmergencyArchive archive;
    @Autowired ApplicationRepository applications;

    @AfterEach
    void endEverything() {
        periods.active().forEach(p -> periods.end(p.id(), "test"));
    }

    @Test
    void aCountyOfficerDeclaresAnEmergencyForATownshipAndEndsIt() {
        WebSession county = new WebSession(port);
        county.login(COUNTY_OFFICER, PASSWORD);

        county.postForm("/emergencies", "/emergencies", Map.of("unitCode", TOWNSHIP_QINGSHAN,
                "reason", "NATURAL_DISASTER", "description", "暴雨引发山洪，多个村受灾"));

        EmergencyPeriods.Period period = periods.activeOf(TOWNSHIP_QINGSHAN).orElseThrow();
        assertThat(period.declaredBy()).isEqualTo(COUNTY_OFFICER);
        String page = county.get("/emergencies").body();
        assertThat(page).contains("已启动紧急状态", "青山镇", "自然灾害", "暴雨引发山洪", "结束紧急状态");

        county.postForm("/emergencies", "/emergencies/" + period.id() + "/end", Map.of());

        assertThat(periods.find(period.id()).orElseThrow().active()).isFalse();
        assertThat(county.get("/emergencies").body()).contains("紧急状态已结束，0 件急难件开始补办手续");
    }

    @Test
    void explainsAMissingDescriptionAndASecondDeclarationInChinese() {
        WebSession county = new WebSession(port);
        county.login(COUNTY_OFFICER, PASSWORD);

        county.postForm("/emergencies", "/emergencies", Map.of("unitCode", TOWNSHIP_QINGSHAN, "reason", "EPIDEMIC"));
        assertThat(county.get("/emergencies").body()).contains("请填写事件说明");

        county.postForm("/emergencies", "/emergencies", Map.of("unitCode", TOWNSHIP_QINGSHAN, "reason", "EPIDEMIC",
                "description", "疫情"));
        county.postForm("/emergencies", "/emergencies", Map.of("unitCode", TOWNSHIP_QINGSHAN, "reason", "EPIDEMIC",
                "description", "疫情"));
        assertThat(county.get("/emergencies").body()).contains("已处于紧急状态，无需重复启动");
    }

    @Test
    void namesWhoFiledInTheArchiveByNameNotByLogin() {
        long emergency = periods.declare(TOWNSHIP_CHENGGUAN, EmergencyReason.EPIDEMIC, "备档姓名测试", COUNTY_OFFICER);
        ApplicationForm form = Households.poorFamilyBornIn(1969, 120);
        form.unitCode = VILLAGE_DONGMEN;
        long id = applications.insert("JN-ARCHIVE-NAMES", COUNTY, TOWNSHIP_CHENGGUAN, form, "PUBLIC", null,
                Instant.now(), null);
        archive.open(id, emergency, "本人承诺所填情况属实", VILLAGE_DONGMEN, TOWNSHIP_CHENGGUAN, COUNTY);
        archive.file(id, UnitLevel.VILLAGE, DONGMEN_OFFICER);
        archive.file(id, UnitLevel.TOWNSHIP, CHENGGUAN_OFFICER);
        WebSession village = new WebSession(port);
        village.login(DONGMEN_OFFICER, PASSWORD);

        String villageArchive = village.get("/emergencies/archive?level=VILLAGE").body();
        String townshipArchive = village.get("/emergencies/archive?level=TOWNSHIP").body();

        assertThat(villageArchive).contains("JN-ARCHIVE-NAMES", "李秀英").doesNotContain(DONGMEN_OFFICER);
        assertThat(townshipArchive).contains("JN-ARCHIVE-NAMES", "陈志强").doesNotContain(CHENGGUAN_OFFICER);
    }

    @Test
    void isNotForVillageOrTownshipOfficials() {
        WebSession village = new WebSession(port);
        village.login(DONGMEN_OFFICER, PASSWORD);
        WebSession township = new WebSession(port);
        township.login(CHENGGUAN_OFFICER, PASSWORD);

        assertThat(village.get("/emergencies").statusCode()).isEqualTo(403);
        assertThat(township.get("/emergencies").statusCode()).isEqualTo(403);
        assertThat(village.get("/emergencies/archive").statusCode()).isEqualTo(200);
    }

    @Test
    void thePublicFormOffersTheSameDayPathOnlyDuringAnEmergencyOfTheVillage() {
        WebSession applicant = new WebSession(port);
        assertThat(applicant.get("/apply").body()).doesNotContain("急难救助当日审批");

        periods.declare(TOWNSHIP_CHENGGUAN, EmergencyReason.EPIDEMIC, "城关街道疫情封控", COUNTY_OFFICER);
        assertThat(applicant.get("/apply").body()).contains("急难救助当日审批", "城关街道", "本人承诺");

        ApplicationForm outside = Households.poorFamilyBornIn(1977, 100);
        outside.unitCode = VILLAGE_QINGSHAN;
        Map<String, String> fields = Households.formFields(outside);
        fields.put("sameDay", "true");
        fields.put("_sameDay", "on");
        var refused = applicant.postForm("/apply", "/apply", fields);
        assertThat(refused.body()).contains("当前不在紧急状态范围内");
        assertThat(applicationsOf(outside.applicantIdNumber)).isZero();

        ApplicationForm inside = Households.poorFamilyBornIn(1977, 110);
        fields = Households.formFields(inside);
        fields.put("sameDay", "true");
        fields.put("_sameDay", "on");
        var submitted = applicant.postForm("/apply", "/apply", fields);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(applicant.get(submitted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body()).contains("急难救助当日审批", "今日内审核审批");
        assertThat(applicationsOf(inside.applicantIdNumber)).isOne();
    }

    private long applicationsOf(String applicantIdNumber) {
        return jdbc.sql("select count(*) from dibao_application where applicant_id_number = ?").param(applicantIdNumber)
                .query(Long.class).single();
    }
}
