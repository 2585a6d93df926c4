package org.jiuzhu.casework;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jiuzhu.organisation.Grants;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every official starts with. Everyone may read the filters; the tasks
 * each shows are still limited by the user's own authorizations. Created once, by name.
 * <p>
 * Tasklist opens the filter of the lowest priority and shows the count of the open filter only, so the
 * unit's work comes first: an official who has claimed nothing yet still lands on their tasks. Every entry
 * names its case ({@link CaseVariables#LISTED}: 申请编号, masked applicant, village; the due date is the
 * task's own). Filters made before the entries named their case get these properties once, at start-up
 * (recognised by having no {@code variables}); a filter an administrator edited later is left as it is.
 */
@Component
@Order(5)
public class TasklistFilterSetup implements ApplicationRunner {

    private static final String VARIABLES = "variables";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TasklistFilterSetup(FilterService filterService, TaskService taskService,
                               AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureFilter("本单位待办", 10, "派给本单位（含本人已签收）的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        ensureFilter("我的待办", 20, "已签收、由我办理的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("今日到期", 30, "今天到期、尚未逾期的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}"));
        ensureFilter("急难当日件", 50, "急难救助当日审批的任务，须当天办结",
                taskService.createTaskQuery().processDefinitionKey("emergencySameDay"));
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        ensureFilter(name, priority, description, query, false);
    }

    /**
     * Creates the shared filter once, by name, readable by everyone; a filter saved before the case columns
     * gets them. With {@code queryFollowsCode} an existing filter also takes this query (a feature that
     * defines the filter's tasks, as supervision does for 已逾期, keeps older databases in step).
     */
    public void ensureFilter(String name, int priority, String description, TaskQuery query, boolean queryFollowsCode) {
        Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties(priority, description));
            filterService.saveFilter(filter);
        } else {
            boolean changed = queryFollowsCode;
            if (queryFollowsCode) {
                filter.setQuery(query);
            }
            if (filter.getProperties() == null || !filter.getProperties().containsKey(VARIABLES)) {
                Map<String, Object> upgraded = new LinkedHashMap<>();
                if (filter.getProperties() != null) {
                    upgraded.putAll(filter.getProperties());
                }
                upgraded.putAll(properties(priority, description));
                filter.setProperties(upgraded);
                changed = true;
            }
            if (changed) {
                try {
                    filterService.saveFilter(filter);
                } catch (OptimisticLockingException e) {
                    // Another node starting at the same time has just saved the same filter.
                }
            }
        }
        Grants.toEveryone(authorizationService, Resources.FILTER, filter.getId(), READ);
    }

    /** Tasklist's filter properties: the columns of each entry, and a list that refreshes itself. */
    static Map<String, Object> properties(int priority, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put(VARIABLES, CaseVariables.LISTED.stream()
                .map(column -> Map.of("name", column.getKey(), "label", column.getValue())).toList());
        // A 督办 task or a case started before these columns has none: no empty 申请编号 lines.
        properties.put("showUndefinedVariable", false);
        return properties;
    }
}
