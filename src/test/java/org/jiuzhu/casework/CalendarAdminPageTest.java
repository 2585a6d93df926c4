package org.jiuzhu.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.LocalDate;
import java.util.Map;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class CalendarAdminPageTest {

    @LocalServerPort int port;
    @Autowired WorkingCalendar calendar;

    @Test
    void letsAnAdministratorListAHolidayAndRemoveIt() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        admin.postForm("/admin/calendar", "/admin/calendar", Map.of("day", "2032-10-01", "working", "false", "name", "国庆节"));

        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 10, 1))).isFalse();
        assertThat(admin.get("/admin/calendar?year=2032").body()).contains("2032-10-01", "国庆节", "节假日");

        admin.postForm("/admin/calendar?year=2032", "/admin/calendar/remove", Map.of("day", "2032-10-01"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 10, 1))).isTrue();
    }

    @Test
    void explainsABadDateInChinese() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        admin.postForm("/admin/calendar", "/admin/calendar", Map.of("day", "10/01/2032", "name", "国庆节"));

        assertThat(admin.get("/admin/calendar").body()).contains("日期格式应为 年-月-日");
    }

    @Test
    void isForAdministratorsOnly() {
        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);

        assertThat(official.get("/admin/calendar").statusCode()).isEqualTo(403);
    }
}
