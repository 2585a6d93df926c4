package org.jiuzhu.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The receipt after applying ({@code jiuzhu.apply-receipt.*}).
 *
 * @param materials what the applicant brings to the village (community) or township office, one item a line
 */
@ConfigurationProperties("jiuzhu.apply-receipt")
public record ApplyReceiptProperties(List<String> materials) {

    public ApplyReceiptProperties {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
