package org.jiuzhu.dibao;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.validation.Validator;

import org.jiuzhu.dibao.ApplicationForm.IncomeForm;
import org.jiuzhu.dibao.ApplicationForm.MemberForm;
import org.jiuzhu.casework.HouseholdType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The household form shared by the public application (/apply) and the correction of a case: spare
 * rows to fill in, the choices of its selects, and validation. The page offers more member and income
 * rows than most households need; rows left completely blank are dropped before validation, and every
 * error stays with the row it belongs to.
 */
@Component
public class HouseholdForms {

    public static final String FORM = "form";
    public static final int MEMBER_ROWS = 4;
    public static final int INCOME_ROWS = 3;
    /** More rows than the form allows (20 members, 30 incomes), so that the limits are Chinese messages. */
    private static final int MAX_BOUND_ROWS = 50;

    /** What the selects and radios of the form offer. */
    public record Choices(List<HouseholdType> householdTypes, List<Relation> relations,
                   List<LabourAbility> labourAbilities, Map<Integer, String> disabilityGrades,
                   List<DisabilityKind> disabilityKinds, List<IncomeKind> incomeKinds) {
    }

    public static final Choices CHOICES = new Choices(List.of(HouseholdType.values()), List.of(Relation.values()),
            List.of(LabourAbility.values()), disabilityGrades(),
            List.of(DisabilityKind.values()), List.of(IncomeKind.values()));

    private static final Pattern POSTED_ROW = Pattern.compile("[_!]?(members|incomes)\\[([^\\]]*)]");
    private static final Pattern ROW_FIELD = Pattern.compile("(members|incomes)\\[(\\d+)](.*)");
    /** Cross-field rules of the form, shown at the field the applicant has to change. */
    private static final Map<String, String> RULE_FIELDS = Map.of(
            "relativeDeclarationGiven", "relativeDeclaration",
            "singlePersonMemberGiven", "singlePersonIdNumber");
    /** A missing value is the one thing to say about a field; its format is the next step. */
    private static final Set<String> MISSING = Set.of("NotBlank", "NotNull", "NotEmpty", "typeMismatch");
    private static final List<String> FIELD_ORDER = List.of("unitCode", "householdType", "applicantName",
            "applicantIdNumber", "applicantPhone", "address", "members", "incomes", "depositAmount", "vehicleCount",
            "housingCount", "relativeDeclaration", "singlePersonIdNumber", "pledge", "sameDay");
    private static final List<String> ROW_FIELD_ORDER = List.of(".name", ".idNumber", ".relation", ".labourAbility",
            ".disabilityGrade", ".disabilityKind", ".seriousIllness", ".kind", ".memberIdNumber", ".monthlyAmount",
            ".note");

    private static Map<Integer, String> disabilityGrades() {
        Map<Integer, String> grades = new LinkedHashMap<>();
        List<String> labels = List.of("无", "一级", "二级", "三级", "四级");
        IntStream.range(0, labels.size()).forEach(grade -> grades.put(grade, labels.get(grade)));
        return Collections.unmodifiableMap(grades);
    }

    private final SpringValidatorAdapter validator;
    private final MessageSource messages;

    HouseholdForms(Validator validator, MessageSource messages) {
        this.validator = new SpringValidatorAdapter(validator);
        this.messages = messages;
    }

    /**
     * Binds the public fields of the form. A list grows to whatever row number is posted (direct
     * field access knows no limit), so a request naming rows far beyond the form's limits is refused
     * before binding.
     */
    public static void configure(WebDataBinder binder, WebRequest request) {
        Iterator<String> names = request.getParameterNames();
        while (names.hasNext()) {
            Matcher row = POSTED_ROW.matcher(names.next());
            String index = row.lookingAt() ? row.group(2) : null;
            if (index != null && !(index.matches("\\d{1,2}") && Integer.parseInt(index) < MAX_BOUND_ROWS)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Row number out of range");
            }
        }
        binder.initDirectFieldAccess();
    }

    /** An empty application with spare rows. */
    public static ApplicationForm blank() {
        ApplicationForm form = new ApplicationForm();
        addSpareRows(form);
        return form;
    }

    /**
     * Tops the member and income rows up to the spare rows a page shows. Without any member yet,
     * the first row is meant for the applicant.
     */
    public static void addSpareRows(ApplicationForm form) {
        if (form.members.isEmpty()) {
            MemberForm applicant = new MemberForm();
            applicant.relation = Relation.SELF;
            form.members.add(applicant);
        }
        while (form.members.size() < MEMBER_ROWS) {
            form.members.add(new MemberForm());
        }
        while (form.incomes.size() < INCOME_ROWS) {
            form.incomes.add(new IncomeForm());
        }
    }

    /** What the form fragment needs besides the form: the choices, and no problems unless found. */
    public static void addPageAttributes(Model model) {
        model.addAttribute("choices", CHOICES);
        if (model.getAttribute(FORM) instanceof ApplicationForm form) {
            model.addAttribute("memberChoices", memberChoices(form));
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
            model.addAttribute("errorSummary", List.of());
        }
    }

    /**
     * Drops the blank rows, then validates. Returns the errors of binding and validation, the row
     * indices referring to the rows that remain.
     */
    public BindingResult validate(ApplicationForm form, BindingResult bound) {
        Map<String, Integer> newIndex = new HashMap<>();
        List<MemberForm> members = new ArrayList<>();
        for (int i = 0; i < form.members.size(); i++) {
            MemberForm member = form.members.get(i);
            if (member != null && !(blank(member.name) && blank(member.idNumber))) {
                newIndex.put("members" + i, members.size());
                members.add(member);
            }
        }
        List<IncomeForm> incomes = new ArrayList<>();
        for (int i = 0; i < form.incomes.size(); i++) {
            IncomeForm income = form.incomes.get(i);
            if (income != null && (!blank(income) || bound.hasFieldErrors("incomes[" + i + "]*"))) {
                newIndex.put("incomes" + i, incomes.size());
                incomes.add(income);
            }
        }
        form.members = members;
        form.incomes = incomes;

        BindingResult result = new DirectFieldBindingResult(form, bound.getObjectName());
        for (ObjectError error : bound.getGlobalErrors()) {
            result.addError(error);
        }
        for (FieldError error : bound.getFieldErrors()) {
            String field = renumbered(error.getField(), newIndex);
            if (field != null) {
                result.addError(new FieldError(result.getObjectName(), field, error.getRejectedValue(),
                        error.isBindingFailure(), result.resolveMessageCodes(error.getCode(), field),
                        error.getArguments(), error.getDefaultMessage()));
            }
        }
        BindingResult checked = new DirectFieldBindingResult(form, bound.getObjectName());
        validator.validate(form, checked);
        checkRows(form, checked);
        for (FieldError error : checked.getFieldErrors()) {
            String field = RULE_FIELDS.getOrDefault(error.getField(), error.getField());
            if (!field.equals(error.getField())) {
                error = new FieldError(result.getObjectName(), field, result.getRawFieldValue(field), false,
                        result.resolveMessageCodes(error.getCode(), field), error.getArguments(),
                        error.getDefaultMessage());
            }
            result.addError(error);
        }
        return result;
    }

    /**
     * One line of the error summary; {@code anchor} is the id of the field to go to (as th:field
     * writes it: members[0].name → members0.name), null for a problem of the whole form.
     */
    public record Problem(String anchor, String message) {
    }

    /**
     * Every problem in words, in the order of the form: global ones first, then one per field (a
     * missing value before its format), row problems named with their row.
     */
    public List<Problem> summary(BindingResult result) {
        List<Problem> lines = new ArrayList<>();
        result.getGlobalErrors().forEach(error -> lines.add(new Problem(null, message(error))));
        firstErrorPerField(result).stream()
                .sorted(Comparator.comparing((FieldError e) -> fieldRank(e.getField()))
                        .thenComparing(e -> rowIndex(e.getField()))
                        .thenComparing(e -> rowFieldRank(e.getField())))
                .forEach(error -> lines.add(new Problem(anchorOf(error.getField()),
                        rowLabel(error.getField()) + message(error))));
        return lines;
    }

    /** The id of the input of a field; a list as a whole (members, incomes) goes to its table. */
    private static String anchorOf(String field) {
        return switch (field) {
            case "members" -> "member-rows";
            case "incomes" -> "income-rows";
            case "householdType" -> "householdType1";
            case "pledge", "sameDay", "relativeOfOfficial", "singlePerson" -> field + "1";
            default -> field.replace("[", "").replace("]", "");
        };
    }

    /**
     * The rules between rows that no annotation can see: the 本人 row is the applicant (same ID
     * number and name), exactly once; an income belongs to a member of the household.
     */
    private static void checkRows(ApplicationForm form, BindingResult result) {
        String applicantId = normalised(form.applicantIdNumber);
        List<Integer> selfRows = IntStream.range(0, form.members.size())
                .filter(i -> form.members.get(i).relation == Relation.SELF).boxed().toList();
        if (selfRows.isEmpty() && !form.members.isEmpty()) {
            result.rejectValue("members", "selfMissing", "家庭成员中须有一行关系为“本人”，即申请人自己");
        }
        for (int i : selfRows.subList(Math.min(1, selfRows.size()), selfRows.size())) {
            result.rejectValue("members[" + i + "].relation", "selfTwice", "关系为“本人”的只能有一行，即申请人自己");
        }
        if (!selfRows.isEmpty()) {
            int self = selfRows.get(0);
            String selfId = normalised(form.members.get(self).idNumber);
            if (applicantId != null && selfId != null && !selfId.equals(applicantId)
                    && !result.hasFieldErrors("members[" + self + "].idNumber") && !result.hasFieldErrors("applicantIdNumber")) {
                result.rejectValue("members[" + self + "].idNumber", "selfMismatch",
                        "“本人”一行的身份证号与申请人身份证号不一致，请核对");
            }
            String selfName = form.members.get(self).name == null ? null : form.members.get(self).name.strip();
            String applicantName = form.applicantName == null ? null : form.applicantName.strip();
            if (selfName != null && !selfName.isEmpty() && applicantName != null && !applicantName.isEmpty()
                    && !selfName.equals(applicantName) && !result.hasFieldErrors("members[" + self + "].name")
                    && !result.hasFieldErrors("applicantName")) {
                result.rejectValue("members[" + self + "].name", "selfNameMismatch",
                        "“本人”一行的姓名与申请人姓名不一致，请核对");
            }
        }
        Set<String> memberIds = new HashSet<>();
        form.members.forEach(member -> {
            if (normalised(member.idNumber) != null) {
                memberIds.add(normalised(member.idNumber));
            }
        });
        for (int i = 0; i < form.incomes.size(); i++) {
            String memberId = normalised(form.incomes.get(i).memberIdNumber);
            String field = "incomes[" + i + "].memberIdNumber";
            if (memberId != null && !memberIds.contains(memberId) && !result.hasFieldErrors(field)) {
                result.rejectValue(field, "notAMember", "取得收入的成员须是上面填写的家庭成员之一，请从列表中选择");
            }
        }
    }

    private static String normalised(String idNumber) {
        return idNumber == null || idNumber.isBlank() ? null : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The members an income row may name (those with an ID number), for the select of each income row. */
    public static List<MemberChoice> memberChoices(ApplicationForm form) {
        List<MemberChoice> choices = new ArrayList<>();
        for (MemberForm member : form.members) {
            String id = normalised(member.idNumber);
            if (id != null && choices.stream().noneMatch(c -> c.idNumber().equals(id))) {
                choices.add(new MemberChoice(id, (member.name == null || member.name.isBlank() ? "成员" : member.name.strip())
                        + "（" + id.substring(Math.max(0, id.length() - 4)) + "）"));
            }
        }
        return choices;
    }

    /** One option of an income row's member select: the ID number and "name (last four)". */
    public record MemberChoice(String idNumber, String label) {
    }

    /** The one message to show next to each field that has a problem. */
    public Map<String, String> fieldMessages(BindingResult result) {
        Map<String, String> byField = new HashMap<>();
        firstErrorPerField(result).forEach(error -> byField.put(error.getField(), message(error)));
        return byField;
    }

    private static List<FieldError> firstErrorPerField(BindingResult result) {
        Map<String, FieldError> first = new LinkedHashMap<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparing((FieldError e) -> !MISSING.contains(e.getCode())))
                .forEach(error -> first.putIfAbsent(error.getField(), error));
        return List.copyOf(first.values());
    }

    private String message(ObjectError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private static String renumbered(String field, Map<String, Integer> newIndex) {
        Matcher row = ROW_FIELD.matcher(field);
        if (!row.matches()) {
            return field;
        }
        Integer index = newIndex.get(row.group(1) + row.group(2));
        return index == null ? null : row.group(1) + "[" + index + "]" + row.group(3);
    }

    private static String rowLabel(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        if (!row.matches()) {
            return "";
        }
        int number = Integer.parseInt(row.group(2)) + 1;
        return "members".equals(row.group(1)) ? "家庭成员第 " + number + " 行：" : "收入第 " + number + " 行：";
    }

    private static int fieldRank(String field) {
        String top = field.replaceFirst("[.\\[].*", "");
        int rank = FIELD_ORDER.indexOf(top);
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }

    private static int rowIndex(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        return row.matches() ? Integer.parseInt(row.group(2)) : -1;
    }

    private static int rowFieldRank(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        return row.matches() ? ROW_FIELD_ORDER.indexOf(row.group(3)) : -1;
    }

    private static boolean blank(IncomeForm income) {
        return income.kind == null && blank(income.memberIdNumber) && income.monthlyAmount == null
                && blank(income.note);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
