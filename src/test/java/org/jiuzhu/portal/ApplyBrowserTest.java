package org.jiuzhu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A resident applies for dibao on the public page, as in a browser. */
@JiuzhuIntegrationTest
class ApplyBrowserTest extends BrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationRepository applications;

    @Test
    void appliesAndSeesTheApplicationNumber() {
        browser.manage().window().setSize(new Dimension(1280, 2600));
        browser.get("http://localhost:" + port + "/apply");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "最低生活保障申请"));
        screenshot("apply-form");

        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("请填写所在村（社区）", "请填写申请人姓名", "请阅读并勾选申请人承诺");
        screenshot("apply-errors");

        String applicantId = Households.idNumber("19700101", 950);
        String spouseId = Households.idNumber("19720202", 951);
        new Select(browser.findElement(By.id("unitCode"))).selectByVisibleText("东门社区");
        browser.findElement(By.cssSelector("input[name=householdType][value=URBAN]")).click();
        type("applicantName", "郑秋菊");
        type("applicantIdNumber", applicantId);
        type("applicantPhone", "13700005678");
        type("address", "清源县城关街道东门社区和平巷 3 号");
        member(0, "郑秋菊", applicantId, "SELF", "PARTIAL");
        member(1, "宋大勇", spouseId, "SPOUSE", "NONE");
        new Select(browser.findElement(By.id("members1.disabilityGrade"))).selectByValue("2");
        new Select(browser.findElement(By.id("members1.disabilityKind"))).selectByValue("PHYSICAL");

        browser.findElement(By.cssSelector("[data-add-row=member-rows]")).click();
        assertThat(browser.findElements(By.cssSelector("#member-rows tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.id("members4.name")).getAttribute("name")).isEqualTo("members[4].name");
        member(4, "宋小花", Households.idNumber("20150303", 952), "CHILD", "NONE");

        // The blank third row goes; the rows after it are numbered again.
        browser.findElements(By.cssSelector("#member-rows tbody tr")).get(2)
                .findElement(By.cssSelector("[data-remove-row]")).click();
        assertThat(browser.findElements(By.cssSelector("#member-rows tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.id("members3.name")).getAttribute("value")).isEqualTo("宋小花");
        assertThat(browser.findElement(By.id("members3.name")).getAttribute("name")).isEqualTo("members[3].name");

        // The applicant's ID must be the 本人 row's: said at once, beside the row.
        type("applicantIdNumber", spouseId);
        browser.findElement(By.id("applicantPhone")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#member-rows tbody tr"),
                "“本人”一行的身份证号与申请人身份证号不一致"));
        type("applicantIdNumber", applicantId);
        browser.findElement(By.id("applicantPhone")).click();
        assertThat(browser.findElements(By.cssSelector(".client-check"))).isEmpty();

        // The income's member is chosen from the members typed above.
        new Select(browser.findElement(By.id("incomes0.kind"))).selectByValue("WAGE");
        Select earner = new Select(browser.findElement(By.id("incomes0.memberIdNumber")));
        assertThat(earner.getOptions()).extracting(WebElement::getText)
                .containsExactly("请选择成员", "郑秋菊（" + applicantId.substring(14) + "）",
                        "宋大勇（" + spouseId.substring(14) + "）", "宋小花（" + Households.idNumber("20150303", 952).substring(14) + "）");
        earner.selectByValue(applicantId);
        browser.findElement(By.id("incomes0.monthlyAmount")).sendKeys("650");
        browser.findElement(By.id("incomes0.note")).sendKeys("保洁临时工");
        browser.findElement(By.cssSelector("input[name=pledge][type=checkbox]")).click();
        screenshot("apply-filled");

        browser.findElement(By.cssSelector("button[type=submit].primary")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application-no")));
        String applicationNo = browser.findElement(By.id("application-no")).getText();
        assertThat(applicationNo).matches("DB-341899-\\d{8}-\\d{4}");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("申请已提交", "请抄写或截图保存申请编号");
        screenshot("apply-submitted");
        assertThat(browser.findElement(By.cssSelector(".receipt")).getText())
                .contains("申请回执", applicationNo, "居民身份证、户口簿");
        assertThat(applications.findByApplicationNo(applicationNo)).hasValueSatisfying(stored -> {
            assertThat(stored.villageCode()).isEqualTo(DemoOrganisation.VILLAGE_DONGMEN);
            assertThat(stored.members()).extracting(HouseholdMember::name).containsExactly("郑秋菊", "宋大勇", "宋小花");
            assertThat(stored.members().get(1).disabilityGrade()).isEqualTo(2);
            assertThat(stored.incomes()).singleElement().satisfies(income ->
                    assertThat(income.memberIdNumber()).isEqualTo(applicantId));
        });
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void member(int row, String name, String idNumber, String relation, String labourAbility) {
        type("members" + row + ".name", name);
        type("members" + row + ".idNumber", idNumber);
        new Select(browser.findElement(By.id("members" + row + ".relation"))).selectByValue(relation);
        new Select(browser.findElement(By.id("members" + row + ".labourAbility"))).selectByValue(labourAbility);
    }
}
