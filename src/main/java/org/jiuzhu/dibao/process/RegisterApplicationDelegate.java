package org.jiuzhu.dibao.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationService.CaseUnits;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.organisation.UnitGroups;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 登记申请. An application from the public page arrives registered (it has an id). One entered in
 * the Tasklist start form arrives as form variables: they are checked, stored in our tables and
 * replaced by the routing variables, and the application number becomes the business key. Bad
 * input refuses the start with a Chinese message (400), nothing is stored.
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

    /** Start form fields that live in our tables once registered. */
    static final List<String> FORM_FIELDS = List.of("householdType", "applicantName", "applicantIdNumber",
            "applicantPhone", "address", "members", "incomes", "depositAmount", "vehicleCount", "housingCount",
            "relativeOfOfficial", "relativeDeclaration", "singlePerson", "singlePersonIdNumber", "pledge");

    private final ApplicationService applications;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public RegisterApplicationDelegate(ApplicationService applications, ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(DibaoVariables.APPLICATION_ID)) {
            return;
        }
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
        Authentication official = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        try {
            CaseUnits caseUnits = applications.unitsOfVillage(form.unitCode);
            requireJurisdiction(official, caseUnits);
            Map.Entry<Long, String> registered = applications.registerFromOfficial(form,
                    official == null ? null : official.getUserId(), clock.instant());
            execution.removeVariables(FORM_FIELDS);
            execution.setVariables(applications.routingVariables(registered.getKey(), form, caseUnits));
            execution.setProcessBusinessKey(registered.getValue());
        } catch (InvalidApplicationException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }

    /** An official registers applications for villages of their own unit (or below it). */
    private static void requireJurisdiction(Authentication official, CaseUnits caseUnits) {
        if (official == null || official.getGroupIds() == null || official.getGroupIds().contains(UnitGroups.ADMINISTRATORS)) {
            return;
        }
        List<String> allowed = List.of(caseUnits.village().groupId(), caseUnits.township().groupId(),
                caseUnits.county().groupId());
        if (official.getGroupIds().stream().noneMatch(allowed::contains)) {
            throw new InvalidApplicationException("只能为本单位辖区内的村（社区）登记申请：" + caseUnits.village().name());
        }
    }

    private Object readJson(SpinJsonNode json) {
        try {
            return objectMapper.readValue(json.toString(), Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadUserRequestException("申请表内容格式不正确");
        }
    }
}
