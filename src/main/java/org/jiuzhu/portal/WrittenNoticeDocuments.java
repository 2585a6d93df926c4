package org.jiuzhu.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.casework.RefusalStages;
import org.jiuzhu.casework.Masking;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitContacts;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The written notice (书面告知) as the document the applicant receives: issuing authority, date,
 * decision and reasons, legal basis, and how and by when to seek administrative review or go to court.
 * The decision text is the one issued on the case; everything around it comes from messages.properties
 * ({@code notice.*}) and the time limits from {@link WrittenNoticeProperties}.
 */
@Component
class WrittenNoticeDocuments {

    /** The notice, ready to print; {@code recipient} is masked on public pages. */
    record Document(String caseNo, String title, String issuer, UnitContacts.Contact office, LocalDate issuedOn,
                    String recipient, String decision, String basis, String review, String lawsuit, boolean refusal) {
    }

    private static final Pattern STAGE = Pattern.compile("在“([^”]+)”环节");

    private final AdminUnitRepository units;
    private final UnitContacts contacts;
    private final MessageSource messages;
    private final WrittenNoticeProperties properties;
    private final Clock clock;

    WrittenNoticeDocuments(AdminUnitRepository units, UnitContacts contacts, MessageSource messages,
                           WrittenNoticeProperties properties, Clock clock) {
        this.units = units;
        this.contacts = contacts;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    Document of(DibaoApplication application, CaseRecords.WrittenNotice notice, boolean masked) {
        boolean refusal = "REJECTED".equals(notice.outcome());
        String kind = !refusal ? "dibao.approved" : RefusalStages.isAcceptanceStage(notice.stage()) ? "dibao.notAccepted" : "dibao.refused";
        boolean byCounty = notice.stage() != null && notice.stage().startsWith("县");
        String text = masked ? PublicText.redact(notice.content(), application) : notice.content();
        return document(application.applicationNo(), kind, application.villageCode(), byCounty, notice.issuedAt(),
                masked ? Masking.maskName(application.applicantName()) : application.applicantName(), text, refusal);
    }

    Optional<Document> of(TemporaryAssistanceCase c, boolean masked) {
        if (c.decisionNotice() == null || c.status() == TemporaryAssistanceCase.Status.IN_PROGRESS) {
            return Optional.empty();
        }
        boolean refusal = c.status() == TemporaryAssistanceCase.Status.REJECTED;
        boolean byCounty;
        if (refusal) {
            Matcher stage = STAGE.matcher(c.decisionNotice());
            byCounty = stage.find() && (stage.group(1).startsWith("县") || stage.group(1).contains("一事一议"));
        } else {
            byCounty = c.approvalRoute() != null && !"TOWNSHIP".equals(c.approvalRoute());
        }
        String text = masked ? PublicText.redact(c.decisionNotice(), List.of(c.applicantName()), c.applicantPhone(), null)
                : c.decisionNotice();
        return Optional.of(document(c.caseNo(), refusal ? "temporary.refused" : "temporary.approved", c.unitCode(),
                byCounty, c.decidedAt() == null ? c.submittedAt() : c.decidedAt(),
                masked ? Masking.maskName(c.applicantName()) : c.applicantName(), text, refusal));
    }

    private Document document(String caseNo, String kind, String unitCode, boolean byCounty, Instant issuedAt,
                              String recipient, String decision, boolean refusal) {
        List<AdminUnit> chain = units.findChain(unitCode);
        AdminUnit county = chain.stream().filter(u -> u.level() == UnitLevel.COUNTY).findFirst().orElse(null);
        AdminUnit township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst().orElse(null);
        String countyName = county == null ? "" : county.name();
        AdminUnit deciding = byCounty || township == null ? county : township;
        String issuer;
        if (deciding == null) {
            issuer = "";
        } else if (deciding.level() == UnitLevel.COUNTY) {
            issuer = message("notice.issuer.county", countyName);
        } else {
            issuer = message(deciding.name().endsWith("街道") ? "notice.issuer.street" : "notice.issuer.township",
                    countyName, deciding.name());
        }
        UnitContacts.Contact office = deciding == null ? null : contacts.find(deciding.code()).orElse(null);
        return new Document(caseNo, message("notice.title." + kind), issuer, office,
                LocalDate.ofInstant(issuedAt, clock.getZone()), recipient, decision,
                message("notice.basis." + kind),
                message("notice.review", properties.reviewDays(), message("notice.review-body", countyName)),
                message("notice.lawsuit", properties.lawsuitMonths()), refusal);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }
}
