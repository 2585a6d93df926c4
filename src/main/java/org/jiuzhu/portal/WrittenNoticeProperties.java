package org.jiuzhu.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limits for remedies printed on every written notice ({@code jiuzhu.written-notice.*}); the
 * wording itself is in messages.properties ({@code notice.*}).
 *
 * @param reviewDays    days after receiving the notice within which administrative review may be requested (60)
 * @param lawsuitMonths months after receiving the notice within which a lawsuit may be brought (6)
 */
@ConfigurationProperties("jiuzhu.written-notice")
public record WrittenNoticeProperties(int reviewDays, int lawsuitMonths) {
}
