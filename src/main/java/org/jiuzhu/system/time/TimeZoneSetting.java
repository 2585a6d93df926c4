package org.jiuzhu.system.time;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.core.env.Environment;

/**
 * The one time zone of the system, {@code jiuzhu.time-zone} (default Asia/Shanghai): the day of a case
 * number, the end of a same-day stage, the month of a report, the times on every page and export.
 */
public final class TimeZoneSetting {

    public static final String PROPERTY = "jiuzhu.time-zone";
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");

    private TimeZoneSetting() {
    }

    public static ZoneId of(Environment environment) {
        String value = environment.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("配置项 " + PROPERTY + " 的时区“" + value
                    + "”无法识别，请填写 IANA 时区名称，例如 Asia/Shanghai", e);
        }
    }

    /** 北京时间 for the zones of China's mainland, otherwise the zone's own name. */
    public static String displayName(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC", "Asia/Chungking" -> "北京时间";
            case "Asia/Urumqi", "Asia/Kashgar" -> "乌鲁木齐时间";
            case "Asia/Hong_Kong" -> "香港时间";
            case "Asia/Macau" -> "澳门时间";
            case "Asia/Taipei" -> "台北时间";
            case "UTC", "Etc/UTC", "Z" -> "协调世界时";
            default -> zone.getId();
        };
    }
}
