package org.jiuzhu.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class VerificationImportPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired VerificationRecordRepository records;

    @Test
    void importsAFileAndReplacesTheSameSourceOnTheNextImport() {
        WebSession admin = loggedInAdmin();
        String header = "id_number,kind,description,amount\n";
        String income = "341899199001010011,INCOME,测试工资,1200\n";

        HttpResponse<String> first = upload(admin, "测试来源", header + income + "341899199001010011,VEHICLE,测试车辆,1\n");
        HttpResponse<String> second = upload(admin, "测试来源", header + income);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(records.recordsFor(List.of("341899199001010011"))).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(VerificationKind.INCOME));
        assertThat(admin.get("/admin/verification-records").body()).contains("已导入 1 条核对记录");
    }

    @Test
    void rejectsAFileWithABadLineNamingTheLine() {
        WebSession admin = loggedInAdmin();

        HttpResponse<String> response = upload(admin, "坏文件",
                "id_number,kind,description,amount\n341899199001010022,INCOME,好行,100\n341899199001010022,SALARY,坏行,100\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("第 3 行", "文件未导入");
        assertThat(records.recordsFor(List.of("341899199001010022"))).isEmpty();
    }

    @Test
    void takesFilesOverOneMegabyteUpToTheLimitOfThePage() {
        String line = "341899199001010033,INCOME,测试工资,1200\n";
        int lines = 1_300_000 / line.length();
        String csv = "id_number,kind,description,amount\n" + line.repeat(lines) + "341899199001010033,SALARY,坏行,1\n";

        HttpResponse<String> response = upload(loggedInAdmin(), "大文件", csv);

        // The file reached the import, which read it to its last line.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("第 " + (lines + 2) + " 行", "文件未导入");
        assertThat(records.recordsFor(List.of("341899199001010033"))).isEmpty();
    }

    @Test
    void refusesANulCharacterInTheFile() {
        HttpResponse<String> response = upload(loggedInAdmin(), "空字符",
                "id_number,kind,description,amount\n341899199001010044,INCOME,工资\0,100\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("第 2 行含有空字符", "文件未导入");
        assertThat(records.recordsFor(List.of("341899199001010044"))).isEmpty();
    }

    @Test
    void isForAdministratorsOnly() {
        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);

        assertThat(official.get("/admin/verification-records").statusCode()).isEqualTo(403);
    }

    private WebSession loggedInAdmin() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);
        return admin;
    }

    private HttpResponse<String> upload(WebSession session, String source, String csv) {
        Matcher token = CSRF.matcher(session.get("/admin/verification-records").body());
        assertThat(token.find()).isTrue();
        return session.postMultipart("/admin/verification-records?_csrf=" + token.group(1), Map.of("source", source),
                Map.of("file", csv.getBytes(StandardCharsets.UTF_8)));
    }
}
