package org.jiuzhu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page /dashboard and its tile on the home page. */
@JiuzhuIntegrationTest
class DashboardPageTest {

    @LocalServerPort int port;

    private WebSession loggedIn(String user) {
        WebSession session = new WebSession(port);
        session.login(user, PASSWORD);
        return session;
    }

    @Test
    void rendersAContainerForEachChartUnderItsChineseHeading() {
        HttpResponse<String> page = loggedIn(COUNTY_OFFICER).get("/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>统计分析", "清源县", "各环节在办案件", "各乡镇逾期件", "各环节平均办理天数",
                "急难件当日办结率", "每月申请量", "近 12 个月申请");
        assertThat(page.body()).contains("id=\"chart-open-by-stage\"", "id=\"chart-overdue-by-township\"",
                "id=\"chart-average-days\"", "id=\"chart-same-day\"", "id=\"chart-applications\"");
        assertThat(page.body()).contains("src=\"/webjars/echarts/5.5.0/echarts.min.js\"", "src=\"/js/dashboard.js\"",
                "data-url=\"/dashboard/data\"");
    }

    @Test
    void servesEChartsAndTheChartScript() {
        WebSession anyone = new WebSession(port);

        HttpResponse<String> echarts = anyone.get("/webjars/echarts/5.5.0/echarts.min.js");
        HttpResponse<String> script = anyone.get("/js/dashboard.js");

        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("暂无数据", "暂无逾期件");
    }

    @Test
    void showsEachUserTheNameOfTheirScope() {
        assertThat(loggedIn(DONGMEN_OFFICER).get("/dashboard").body()).contains("东门社区");
        assertThat(loggedIn(CHENGGUAN_OFFICER).get("/dashboard").body()).contains("城关街道");
        assertThat(loggedIn(SUPERVISOR).get("/dashboard").body()).contains("清源县");
        assertThat(loggedIn(ADMINISTRATOR).get("/dashboard").body()).contains("全部地区");
    }

    @Test
    void asksForALogin() {
        HttpResponse<String> page = new WebSession(port).get("/dashboard");
        HttpResponse<String> data = new WebSession(port).get("/dashboard/data");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(data.statusCode()).isEqualTo(302);
    }

    @Test
    void linksTheDashboardFromTheHomePageOfOfficialsSupervisorsAndAdministrators() {
        for (String user : new String[] {DONGMEN_OFFICER, CHENGGUAN_OFFICER, COUNTY_OFFICER, SUPERVISOR, ADMINISTRATOR}) {
            assertThat(loggedIn(user).get("/").body()).as(user).contains("href=\"/dashboard\"", "统计分析");
        }
    }
}
