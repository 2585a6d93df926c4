package org.jiuzhu.supervision;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the query of Tasklist's shared filter 已逾期 (created by system/TasklistFilterSetup) that of
 * {@link OverdueWork}, on every start: a database whose filter was saved with an earlier definition gets
 * the one the dashboard and Cockpit's 逾期案件 count by.
 */
@Component
@Order(6)
class OverdueTasklistFilter implements ApplicationRunner {

    static final String NAME = "已逾期";

    private final FilterService filterService;
    private final TaskService taskService;

    OverdueTasklistFilter(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Filter filter = filterService.createTaskFilterQuery().filterName(NAME).singleResult();
        if (filter != null) {
            try {
                filterService.saveFilter(filter.setQuery(OverdueWork.tasklistQuery(taskService)));
            } catch (OptimisticLockingException e) {
                // Another node starting at the same time has just saved the same query.
            }
        }
    }
}
