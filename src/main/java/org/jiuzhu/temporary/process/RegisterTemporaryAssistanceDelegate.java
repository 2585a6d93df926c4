package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jiuzhu.casework.Masking;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.system.forms.StartFormFields;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceForm;
import org.jiuzhu.temporary.TemporaryAssistanceRegistration;
import org.jiuzhu.temporary.TemporaryAssistanceRegistration.InvalidApplicationException;
import org.jiuzhu.temporary.TemporaryAssistanceRegistration.Place;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 登记临时救助申请, inside the start transaction: the start form's values (and nothing else) are checked,
 * stored in temporary_assistance_case and replaced by the routing variables; the case number becomes the
 * business key. Bad input refuses the start with a Chinese message (Tasklist shows it), nothing is stored.
 */
@Component("registerTemporaryAssistance")
public class RegisterTemporaryAssistanceDelegate implements JavaDelegate {

    /** What a start may hold: the form's fields that go to our table, the place and 申请先行救助. */
    private static final List<String> START_VARIABLES = Stream.concat(START_FORM_FIELDS.stream(),
            Stream.of(UNIT_CODE, URGENT)).toList();

    private final TemporaryAssistanceRegistration registration;
    private final ObjectMapper objectMapper;

    public RegisterTemporaryAssistanceDelegate(TemporaryAssistanceRegistration registration, ObjectMapper objectMapper) {
        this.registration = registration;
        this.objectMapper = objectMapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StartFormFields.requireOnly(execution, START_VARIABLES);
        Map<String, Object> fields = new HashMap<>();
        fields.put(UNIT_CODE, execution.getVariable(UNIT_CODE));
        fields.put(URGENT, Boolean.TRUE.equals(execution.getVariable(URGENT)));
        for (String name : START_FORM_FIELDS) {
            TypedValue value = execution.getVariableTyped(name);
            if (value != null && value.getValue() != null) {
                fields.put(name, value.getValue());
            }
        }
        TemporaryAssistanceForm form;
        try {
            form = objectMapper.convertValue(fields, TemporaryAssistanceForm.class);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("申请表内容格式不正确，请检查各项选择和数字");
        }
        String official = CurrentUser.id(execution.getProcessEngineServices().getIdentityService());
        try {
            registration.validate(form);
            // The place is the official's unit or below it: CaseAuthorizationListener checked it at the start.
            Place place = registration.placeOf(form.unitCode);
            TemporaryAssistanceCase registered = registration.register(form, place,
                    official, execution.getProcessInstanceId());
            execution.removeVariables(START_FORM_FIELDS);
            execution.setVariables(Variables.createVariables()
                    .putValue(CASE_ID, registered.id())
                    .putValue(UNIT_CODE, registered.unitCode())
                    .putValue(TOWNSHIP_CODE, registered.townshipCode())
                    .putValue(COUNTY_CODE, registered.countyCode())
                    .putValue(URGENT, registered.urgent())
                    .putValue(HOUSEHOLD_ID_NUMBER, registered.applicantIdNumber()));
            execution.setVariables(CaseVariables.listed(registered.caseNo(), Masking.maskName(registered.applicantName()),
                    CaseVariables.placeName(place.township(), place.village())));
            execution.setProcessBusinessKey(registered.caseNo());
        } catch (InvalidApplicationException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
