package org.jiuzhu.messaging;

/** What logs and pages may show of a phone number. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** 13812345678 → 138****5678; anything shorter than 8 characters is hidden entirely. */
    public static String mask(String phone) {
        String p = phone == null ? "" : phone.strip();
        if (p.length() < 8) {
            return "****";
        }
        return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }
}
