package org.jiuzhu.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.casework.Masking;

/**
 * Texts written for the applicant (the written notice) shown on a public page: names of the household
 * masked, ID numbers, phone and address left out. Whoever knows an application number and four ID
 * characters must not learn more than the public notice shows.
 */
final class PublicText {

    private static final String ID_NUMBER = "\\d{17}[\\dXx]";

    private PublicText() {
    }

    static String redact(String text, DibaoApplication application) {
        List<String> names = new ArrayList<>();
        names.add(application.applicantName());
        application.members().stream().map(HouseholdMember::name).forEach(names::add);
        return redact(text, names, application.applicantPhone(), application.address());
    }

    /** The same for any case: these names masked, this phone and address left out (each may be null). */
    static String redact(String text, List<String> personNames, String phone, String address) {
        if (text == null) {
            return null;
        }
        String redacted = text.replaceAll(ID_NUMBER, "（身份证号已隐去）");
        if (phone != null && !phone.isBlank()) {
            redacted = redacted.replace(phone, "（电话已隐去）");
        }
        if (address != null && !address.isBlank()) {
            redacted = redacted.replace(address, "（住址已隐去）");
        }
        List<String> names = new ArrayList<>(personNames);
        // Longer names first, so that 周建华 is masked whole rather than as 周建 plus 华.
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : names) {
            if (name != null && name.strip().length() > 1) {
                redacted = redacted.replace(name.strip(), Masking.maskName(name));
            }
        }
        return redacted;
    }
}
