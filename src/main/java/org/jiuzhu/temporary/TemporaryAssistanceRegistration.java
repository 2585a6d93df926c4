package org.jiuzhu.temporary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jiuzhu.casework.ApplicationNumbers;
import org.jiuzhu.casework.IdNumbers;
import org.jiuzhu.casework.OpenCases;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.springframework.stereotype.Service;

/**
 * Takes in a 临时救助 application: checks it, stores it and gives it its number
 * {@code LS-<county>-<yyyyMMdd>-<seq>}. Applicants need not live where the hardship happened; the
 * case belongs to that place (急难发生地), a village or community, or a township.
 */
@Service
public class TemporaryAssistanceRegistration {

    public static final String CASE_NUMBER_PREFIX = "LS";

    /** A user error in an application; the message is Chinese and shown as it is. */
    public static class InvalidApplicationException extends RuntimeException {
        public InvalidApplicationException(String message) {
            super(message);
        }
    }

    /** Where the hardship happened: the village (null for a township case), its township and county. */
    public record Place(AdminUnit village, AdminUnit township, AdminUnit county) {

        public AdminUnit mostLocal() {
            return village != null ? village : township;
        }
    }

    private final TemporaryAssistanceCases cases;
    private final ApplicationNumbers numbers;
    private final AdminUnitRepository units;
    private final Validator validator;
    private final OpenCases openCases;
    private final Clock clock;

    public TemporaryAssistanceRegistration(TemporaryAssistanceCases cases, ApplicationNumbers numbers,
                                           AdminUnitRepository units, Validator validator, OpenCases openCases,
                                           Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.units = units;
        this.validator = validator;
        this.openCases = openCases;
        this.clock = clock;
    }

    /** Checks the form: every problem at once, in one message. */
    public void validate(TemporaryAssistanceForm form) {
        List<String> problems = new ArrayList<>(validator.validate(form).stream()
                .map(ConstraintViolation::getMessage).toList());
        String idNumber = form.applicantIdNumber;
        if (idNumber != null && idNumber.strip().matches("\\d{17}[\\dXx]")) {
            if (!IdNumbers.hasValidChecksum(idNumber.strip())) {
                problems.add("申请人身份证号校验位不正确，请核对");
            } else if (!IdNumbers.hasPlausibleBirthDate(idNumber.strip(), LocalDate.now(clock))) {
                problems.add("申请人身份证号中的出生日期不正确，请核对");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(problems.stream().sorted().distinct().collect(Collectors.joining("；")));
        }
    }

    /** The place of a village or township code. */
    public Place placeOf(String unitCode) {
        List<AdminUnit> chain = unitCode == null ? List.of() : units.findChain(unitCode);
        if (chain.isEmpty()) {
            throw new InvalidApplicationException("急难发生地 " + unitCode + " 未登记，请核对区划代码");
        }
        return switch (chain.get(0).level()) {
            case VILLAGE -> new Place(chain.get(0), chain.get(1), chain.get(2));
            case TOWNSHIP -> new Place(null, chain.get(0), chain.get(1));
            case COUNTY -> throw new InvalidApplicationException(
                    "急难发生地应为村（社区）或乡镇（街道），不能是县级单位：" + chain.get(0).name());
        };
    }

    /** Stores a checked application of the place; returns the new case. */
    public TemporaryAssistanceCase register(TemporaryAssistanceForm form, Place place, String officialId,
                                            String processInstanceId) {
        validate(form);
        String caseNo = numbers.next(CASE_NUMBER_PREFIX, place.county().code(), LocalDate.now(clock));
        long id = cases.insert(caseNo, form, place.village() == null ? null : place.village().code(),
                place.township().code(), place.county().code(), officialId, processInstanceId, clock.instant());
        try {
            openCases.open(OpenCases.Programme.TEMPORARY, caseNo, processInstanceId, List.of(form.applicantIdNumber));
        } catch (OpenCases.AlreadyOpenException e) {
            throw new InvalidApplicationException("该申请人已有正在办理的临时救助申请（案件编号 " + e.caseNo()
                    + "），请勿重复登记；需要增加救助金额的，请在该案件审核时一并提出。");
        }
        return cases.get(id);
    }
}
