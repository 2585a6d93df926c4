package org.jiuzhu.supervision;

import org.camunda.bpm.engine.TaskService;
import org.jiuzhu.casework.TasklistFilterSetup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's shared filter 已逾期: the tasks of {@link OverdueWork}, the definition the dashboard and Cockpit's
 * 逾期案件 count by. Created with the other shared filters (system/TasklistFilterSetup); a database whose
 * filter was saved with an earlier definition gets this one on the next start.
 */
@Component
@Order(6)
class OverdueTasklistFilter implements ApplicationRunner {

    static final String NAME = "已逾期";

    private final TasklistFilterSetup filters;
    private final TaskService taskService;

    OverdueTasklistFilter(TasklistFilterSetup filters, TaskService taskService) {
        this.filters = filters;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        filters.ensureFilter(NAME, 40, "已过办理期限的任务（含督办可见的下级任务）", OverdueWork.tasklistQuery(taskService), true);
    }
}
