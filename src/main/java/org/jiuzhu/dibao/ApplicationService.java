package org.jiuzhu.dibao;

import org.jiuzhu.casework.ApplicationNumbers;
import org.jiuzhu.casework.OpenCases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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
    private final OpenCases openCases;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, ApplicationNumbers numbers, AdminUnitRepository units,
                              RuntimeService runtimeService, Validator validator, OpenCases openCases, Clock clock) {
        this.applications = applications;
        this.numbers = numbers;
        this.units = units;
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.openCases = openCases;
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
                Channel.PUBLIC.name(), null, clock.instant(), null);
        // The process's first step claims the stored application (RegisterApplicationDelegate); the unit
        // decides at the start who may read the case.
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey, applicationNo,
                Variables.createVariables().putValue(DibaoVariables.APPLICATION_ID, id)
                        .putValue(DibaoVariables.UNIT_CODE, caseUnits.village().code()));
        openCase(applicationNo, instance.getId(), form);
        return applicationNo;
    }

    /**
     * An application an official entered in the Tasklist start form, inside the starting process
     * instance: stored, numbered and opened as the household's case.
     */
    public DibaoApplication registerFromOfficial(ApplicationForm form, String officialId, Instant at,
                                                 String processInstanceId) {
        validate(form);
        CaseUnits caseUnits = unitsOfVillage(form.unitCode);
        String applicationNo = numbers.next(caseUnits.county().code(), today());
        long id = applications.insert(applicationNo, caseUnits.county().code(), caseUnits.township().code(), form,
                Channel.OFFICIAL.name(), officialId, at, processInstanceId);
        openCase(applicationNo, processInstanceId, form);
        return applications.get(id);
    }

    /** One open application per person: a second one for any member is refused, naming the first. */
    private void openCase(String applicationNo, String processInstanceId, ApplicationForm form) {
        try {
            openCases.open(OpenCases.Programme.DIBAO, applicationNo, processInstanceId, peopleOf(form));
        } catch (OpenCases.AlreadyOpenException e) {
            throw new InvalidApplicationException("该家庭已有正在办理的最低生活保障申请（申请编号 " + e.caseNo()
                    + "），请勿重复提交。可凭申请编号和申请人身份证号后四位查询办理进度。");
        }
    }

    /** Corrected household data (补正材料), checked like a new application. */
    @Transactional
    public void correct(long applicationId, ApplicationForm form) {
        DibaoApplication existing = applications.get(applicationId);
        form.unitCode = existing.villageCode();
        form.pledge = true;
        validate(form);
        try {
            openCases.replacePeople(OpenCases.Programme.DIBAO, existing.applicationNo(), existing.processInstanceId(),
                    peopleOf(form));
        } catch (OpenCases.AlreadyOpenException e) {
            throw new InvalidApplicationException("补正后的家庭成员已在另一件正在办理的申请中（申请编号 " + e.caseNo()
                    + "），同一人只能有一件正在办理的申请");
        }
        applications.updateHousehold(applicationId, form);
    }

    private static Set<String> peopleOf(ApplicationForm form) {
        Set<String> people = new LinkedHashSet<>();
        people.add(form.applicantIdNumber);
        form.members.forEach(m -> people.add(m.idNumber));
        return people;
    }

    /** The variables the processes route by, all from the stored application. */
    public VariableMap routingVariables(DibaoApplication application) {
        return Variables.createVariables()
                .putValue(DibaoVariables.APPLICATION_ID, application.id())
                .putValue(DibaoVariables.UNIT_CODE, application.villageCode())
                .putValue(DibaoVariables.TOWNSHIP_CODE, application.townshipCode())
                .putValue(DibaoVariables.COUNTY_CODE, application.countyCode())
                .putValue(DibaoVariables.RELATIVE_OF_OFFICIAL, application.relativeOfOfficial())
                .putValue(DibaoVariables.SINGLE_PERSON, application.singlePerson());
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
        return LocalDate.now(clock);
    }
}
