package org.jiuzhu.support;

/** Units and officials of the seeded demo county 清源县 (src/main/resources/demo/organisation.json). */
public final class DemoOrganisation {

    public static final String PASSWORD = "jiuzhu123";

    public static final String COUNTY = "341899000000";
    public static final String TOWNSHIP_CHENGGUAN = "341899001000";
    public static final String VILLAGE_DONGMEN = "341899001001";
    public static final String VILLAGE_XIMEN = "341899001002";
    public static final String TOWNSHIP_QINGSHAN = "341899100000";
    public static final String VILLAGE_QINGSHAN = "341899100201";

    /** Officer of 东门社区 (城关街道). */
    public static final String DONGMEN_OFFICER = "lixiuying";
    /** Officer of 西门社区 (城关街道). */
    public static final String XIMEN_OFFICER = "hejun";
    /** Officer of 青山村 (青山镇). */
    public static final String QINGSHAN_VILLAGE_OFFICER = "wangjianguo";
    public static final String CHENGGUAN_OFFICER = "chenzhiqiang";
    public static final String CHENGGUAN_LEADER = "sunlei";
    public static final String QINGSHAN_TOWNSHIP_OFFICER = "liuhaiyan";
    public static final String COUNTY_OFFICER = "wuqiang";
    public static final String SUPERVISOR = "zhengyan";
    public static final String ADMINISTRATOR = "admin";
    /**
     * Officials used only by tests of wrong passwords: after a few failures in a row an account waits
     * before its next attempt, which would fail other tests logging in as the same user.
     */
    public static final String WRONG_PASSWORD_USER_PAGES = "tangfang";
    public static final String WRONG_PASSWORD_USER_REST = "fengtao";

    private DemoOrganisation() {
    }
}
