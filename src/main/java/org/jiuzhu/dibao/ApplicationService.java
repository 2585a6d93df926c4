package org.jiuzhu.dibao;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.process.DibaoVariables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in applications, from the public page and from officials, and starts their process. */
@Service
public class ApplicationService {

    /** A user error in an application; the message is Chinese and shown as it is. */
    public static class InvalidApplicationException extends RuntimeException {
        public InvalidApplicationException(String message) {
            super(message);
        }
    }

    /** Where an application came in. */
    public enum Channel { PUBLIC, OFFICIAL }

    /** The unit chain of a village: the ids the process routes by. */
    public record CaseUnits(AdminUnit village, AdminUnit township, AdminUnit county) {
    }

    private final ApplicationRepository applications;
    private final ApplicationNumbers numbers;
    private final AdminUnitRepository units;
    private final RuntimeService runtimeService;
    private final Validator validator;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, ApplicationNumbers numbers, AdminUnitRepository units,
                              RuntimeService runtimeService, Validator validator, Clock clock) {
        this.applications = applications;
        this.numbers = numbers;
        this.units = units;
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.clock = clock;
    }

    /** An application from the public page: stored, numbered and started. Returns its number. */
    @Transactional
    public String submitPublic(ApplicationForm form) {
        return submitPublic(form, DibaoVariables.PROCESS_KEY);
    }

    /**
     * As {@link #submitPublic(ApplicationForm)}, started in the given process: the regular procedure or
     * another path for the same household data (the same-day path of an emergency).
     */
    @Transactional
    public String submitPublic(ApplicationForm form, String processKey) {
        validate(form);
        CaseUnits caseUnits = unitsOfVillage(form.unitCode);
        String applicationNo = numbers.next(caseUnits.county().code(), today());
        long id = applications.insert(applicationNo, caseUnits.county().code(), caseUnits.township().code(), form,
                Channel.PUBLIC.name(), null, clock.instant());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey, applicationNo,
                routingVariables(id, form, caseUnits));
        applications.setProcessInstanceId(id, instance.getId());
        return applicationNo;
    }

    /**
     * An application an official entered in the Tasklist start form, inside the starting process:
     * stored and numbered. Returns its id and number.
     */
    public Map.Entry<Long, String> registerFromOfficial(ApplicationForm form, String officialId, Instant at) {
        validate(form);
        CaseUnits caseUnits = unitsOfVillage(form.unitCode);
        String applicationNo = numbers.next(caseUnits.county().code(), today());
        long id = applications.insert(applicationNo, caseUnits.county().code(), caseUnits.township().code(), form,
                Channel.OFFICIAL.name(), officialId, at);
        return Map.entry(id, applicationNo);
    }

    /** Corrected household data (补正材料), checked like a new application. */
    @Transactional
    public void correct(long applicationId, ApplicationForm form) {
        DibaoApplication existing = applications.get(applicationId);
        form.unitCode = existing.villageCode();
        form.pledge = true;
        validate(form);
        applications.updateHousehold(applicationId, form);
    }

    public VariableMap routingVariables(long applicationId, ApplicationForm form, CaseUnits caseUnits) {
        return Variables.createVariables()
                .putValue(DibaoVariables.APPLICATION_ID, applicationId)
                .putValue(DibaoVariables.UNIT_CODE, caseUnits.village().code())
                .putValue(DibaoVariables.TOWNSHIP_CODE, caseUnits.township().code())
                .putValue(DibaoVariables.COUNTY_CODE, caseUnits.county().code())
                .putValue(DibaoVariables.RELATIVE_OF_OFFICIAL, form.relativeOfOfficial)
                .putValue(DibaoVariables.SINGLE_PERSON, form.singlePerson);
    }

    public CaseUnits unitsOfVillage(String villageCode) {
        List<AdminUnit> chain = villageCode == null ? List.of() : units.findChain(villageCode);
        if (chain.size() != 3 || chain.get(0).level() != UnitLevel.VILLAGE) {
            throw new InvalidApplicationException("所在村（社区）" + villageCode + " 未登记，请核对区划代码");
        }
        return new CaseUnits(chain.get(0), chain.get(1), chain.get(2));
    }

    public void validate(ApplicationForm form) {
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations.stream().map(ConstraintViolation::getMessage)
                    .sorted().distinct().collect(Collectors.joining("；")));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }
}
