package org.jiuzhu.dibao.process;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community officer starts 最低生活保障申请审核 from Tasklist with a household of two members: the
 * fields inside the members list must not leave the 发起 button disabled (form-js keeps empty error
 * entries for them, which Tasklist counted as errors), and a real error must.
 */
@JiuzhuIntegrationTest
class TasklistStartBrowserTest extends BrowserTest {

    @Autowired ApplicationRepository applications;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void communityOfficerStartsADibaoCaseWithHouseholdMembers() {
        String applicantId = Households.unusedIdNumber("19750312");
        String spouseId = Households.unusedIdNumber("19780506");

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.DONGMEN_OFFICER);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "李秀英"));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(normalize-space(.), '发起流程')]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[normalize-space(.)='最低生活保障申请审核']"))).click();

        text("所在村（社区）区划代码", 0).sendKeys(DemoOrganisation.VILLAGE_DONGMEN);
        choose("户籍类别", 0, "城市");
        text("申请人姓名", 0).sendKeys("周建华");
        text("申请人身份证号", 0).sendKeys(applicantId);
        text("联系电话", 0).sendKeys("13800001234");
        text("家庭住址", 0).sendKeys("东门社区幸福路 8 号");

        text("姓名", 0).sendKeys("周建华");
        text("身份证号", 0).sendKeys(applicantId);
        choose("与申请人关系", 0, "本人");
        choose("劳动能力", 0, "部分丧失劳动能力");
        WebElement add = browser.findElement(By.xpath("//button[contains(@class, 'fjs-repeat-render-add')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", add);
        add.click();
        text("姓名", 1).sendKeys("林秀梅");
        text("身份证号", 1).sendKeys(spouseId);
        choose("与申请人关系", 1, "配偶");
        choose("劳动能力", 1, "有劳动能力");

        text("存款及有价证券合计", 0).sendKeys("2000");
        text("机动车辆数量", 0).sendKeys("0");
        text("自有住房套数", 0).sendKeys("1");
        WebElement pledge = browser.findElement(By.xpath("//label[contains(., '申请人承诺所填信息真实完整')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", pledge);
        pledge.click();

        By start = By.xpath("//button[normalize-space(.)='发起']");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(start));
        screenshot("tasklist-dibao-start-filled");
        wait.until(ExpectedConditions.elementToBeClickable(start));
        // A real error inside the list still holds the button back, and lets it go once fixed.
        WebElement spouseIdField = text("身份证号", 1);
        spouseIdField.sendKeys("9", org.openqa.selenium.Keys.TAB);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
        Assertions.assertThat(error.getText()).contains("格式不正确");
        screenshot("tasklist-dibao-start-member-error");
        wait.until(d -> !d.findElement(start).isEnabled());
        spouseIdField.sendKeys(org.openqa.selenium.Keys.END, org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.TAB);
        wait.until(ExpectedConditions.elementToBeClickable(start)).click();

        DibaoApplication application = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                jdbc.sql("select application_no from dibao_application where applicant_id_number = ?").param(applicantId)
                        .query(String.class).optional().flatMap(applications::findByApplicationNo).orElse(null));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        screenshot("tasklist-dibao-started");
        Assertions.assertThat(application.members()).extracting(m -> m.name()).containsExactly("周建华", "林秀梅");
        Assertions.assertThat(application.submittedVia()).isEqualTo("OFFICIAL");
    }

    /** The index-th field whose label starts with this text (lists repeat their labels). */
    private WebElement fieldContainer(String label, int index) {
        By by = By.xpath("//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][./label[starts-with(normalize-space(.), '"
                + label + "')] or ./*/label[starts-with(normalize-space(.), '" + label + "')]]");
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.size() > index ? found.get(index) : null;
        });
    }

    private WebElement text(String label, int index) {
        WebElement input = fieldContainer(label, index).findElement(By.cssSelector("input, textarea"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        return input;
    }

    private void choose(String label, int index, String option) {
        WebElement field = fieldContainer(label, index);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.findElement(By.cssSelector(".fjs-input-group")).click();
        wait.until(d -> field.findElements(By.xpath(".//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)='"
                + option + "']")).stream().findFirst().orElse(null)).click();
    }
}
