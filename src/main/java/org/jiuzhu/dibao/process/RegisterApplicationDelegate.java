package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.casework.Masking;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.system.forms.StartFormFields;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 登记申请, the first step of every process that takes a household application (the regular procedure
 * and the emergency same-day path). Nothing a start request carries is trusted: the case it works on is
 * derived from what is stored, or the start is refused (400, nothing stored).
 * <ul>
 *   <li>An application from the public page was stored in this same transaction and is bound to no
 *       process yet: this instance claims it (a stored application cannot be claimed twice).</li>
 *   <li>The regular procedure called by the same-day path (补办手续) continues the application of the
 *       process instance that called it, and only that one.</li>
 *   <li>Otherwise an official entered the Tasklist start form: its fields, and nothing else, are
 *       checked, stored in our tables and replaced by the routing variables; the application number
 *       becomes the business key.</li>
 * </ul>
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

    /** Start form fields that live in our tables once registered. */
    static final List<String> FORM_FIELDS = List.of("householdType", "applicantName", "applicantIdNumber",
            "applicantPhone", "address", "members", "incomes", "depositAmount", "vehicleCount", "housingCount",
            "relativeOfOfficial", "relativeDeclaration", "singlePerson", "singlePersonIdNumber", "pledge");
    /** What an official's start may hold: the form's fields and the unit (the official's own when not given). */
    private static final List<String> START_VARIABLES = Stream.concat(FORM_FIELDS.stream(),
            Stream.of(DibaoVariables.UNIT_CODE)).toList();

    private final ApplicationService applications;
    private final ApplicationRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public RegisterApplicationDelegate(ApplicationService applications, ApplicationRepository repository,
                                       ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(DibaoVariables.APPLICATION_ID)) {
            continueStoredApplication(execution);
        } else {
            registerFromStartForm(execution);
        }
    }

    private void continueStoredApplication(DelegateExecution execution) {
        if (!(execution.getVariable(DibaoVariables.APPLICATION_ID) instanceof Long applicationId)) {
            throw refusedStart();
        }
        DibaoApplication application = repository.findById(applicationId).orElseThrow(this::refusedStart);
        if (!application.villageCode().equals(execution.getVariable(DibaoVariables.UNIT_CODE))) {
            throw refusedStart(); // the case was granted at its start to the unit it came with
        }
        DelegateExecution caller = execution.getSuperExecution();
        boolean handover = caller != null && caller.getProcessInstanceId().equals(application.processInstanceId());
        if (!handover && !repository.claimForProcess(applicationId, execution.getProcessInstanceId())) {
            throw refusedStart();
        }
        execution.setVariables(applications.routingVariables(application));
        execution.setVariables(listed(application));
        execution.setVariable(DibaoVariables.CATCH_UP_FORMALITIES, handover);
        execution.setProcessBusinessKey(application.applicationNo());
    }

    private void registerFromStartForm(DelegateExecution execution) {
        StartFormFields.requireOnly(execution, START_VARIABLES);
        Map<String, Object> fields = new HashMap<>();
        fields.put(DibaoVariables.UNIT_CODE, execution.getVariable(DibaoVariables.UNIT_CODE));
        for (String name : FORM_FIELDS) {
            TypedValue value = execution.getVariableTyped(name);
            if (value != null && value.getValue() != null) {
                fields.put(name, value.getValue() instanceof SpinJsonNode json ? readJson(json) : value.getValue());
            }
        }
        ApplicationForm form;
        try {
            form = objectMapper.convertValue(fields, ApplicationForm.class);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("申请表内容格式不正确，请检查各项选择和数字");
        }
        if (form.incomes == null) {
            // Tasklist leaves out an empty list.
            form.incomes = new ArrayList<>();
        }
        // The village is the official's own or below it: CaseAuthorizationListener checked it at the start.
        String official = CurrentUser.id(execution.getProcessEngineServices().getIdentityService());
        try {
            applications.unitsOfVillage(form.unitCode);
            DibaoApplication registered = applications.registerFromOfficial(form,
                    official, clock.instant(), execution.getProcessInstanceId());
            execution.removeVariables(FORM_FIELDS);
            execution.setVariables(applications.routingVariables(registered));
            execution.setVariables(listed(registered));
            execution.setVariable(DibaoVariables.CATCH_UP_FORMALITIES, false);
            execution.setProcessBusinessKey(registered.applicationNo());
        } catch (InvalidApplicationException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }

    /** What Tasklist's lists show of the case. */
    private Map<String, Object> listed(DibaoApplication application) {
        ApplicationService.CaseUnits units = applications.unitsOfVillage(application.villageCode());
        return CaseVariables.listed(application.applicationNo(), Masking.maskName(application.applicantName()),
                CaseVariables.placeName(units.township(), units.village()));
    }

    private BadUserRequestException refusedStart() {
        return new BadUserRequestException("不能以已登记的申请发起新的流程：申请只能通过申请表登记");
    }

    private Object readJson(SpinJsonNode json) {
        try {
            return objectMapper.readValue(json.toString(), Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadUserRequestException("申请表内容格式不正确");
        }
    }
}
