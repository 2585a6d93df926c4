package org.jiuzhu.system.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/** The engine's refusal for lack of a permission, said in Chinese: who lacks which permission on what. */
final class AuthorizationTexts {

    private static final Map<String, String> PERMISSIONS = Map.ofEntries(Map.entry("READ", "查看"),
            Map.entry("UPDATE", "修改"), Map.entry("CREATE", "创建"), Map.entry("DELETE", "删除"),
            Map.entry("READ_HISTORY", "查看历史"), Map.entry("READ_INSTANCE", "查看实例"),
            Map.entry("UPDATE_INSTANCE", "修改实例"), Map.entry("CREATE_INSTANCE", "发起"), Map.entry("ACCESS", "访问"),
            Map.entry("TASK_WORK", "办理"), Map.entry("TASK_ASSIGN", "指派"), Map.entry("READ_VARIABLE", "查看变量"),
            Map.entry("UPDATE_VARIABLE", "修改变量"));
    private static final Map<String, String> RESOURCES = Map.ofEntries(Map.entry("Task", "任务"),
            Map.entry("ProcessInstance", "流程实例"), Map.entry("ProcessDefinition", "流程定义"),
            Map.entry("Deployment", "部署"), Map.entry("DecisionDefinition", "决策定义"),
            Map.entry("HistoricProcessInstance", "历史流程实例"), Map.entry("HistoricTask", "历史任务"),
            Map.entry("Batch", "批量操作"), Map.entry("User", "用户"), Map.entry("Group", "用户组"),
            Map.entry("Tenant", "租户"), Map.entry("Authorization", "授权"), Map.entry("Filter", "过滤器"),
            Map.entry("Application", "应用"));

    private AuthorizationTexts() {
    }

    static String of(AuthorizationException refusal) {
        List<MissingAuthorization> missing = refusal.getMissingAuthorizations();
        if (missing == null || missing.isEmpty()) {
            return "当前账号没有此项操作的权限，请联系系统管理员";
        }
        // Any one of them would do: the first tells the user what to ask for.
        MissingAuthorization wanted = missing.get(0);
        String resourceId = wanted.getResourceId();
        String which = resourceId == null || resourceId.equals("*") ? "全部" : "“" + resourceId + "”";
        return "当前账号（" + refusal.getUserId() + "）没有" + which
                + RESOURCES.getOrDefault(wanted.getResourceType(), wanted.getResourceType()) + "的"
                + PERMISSIONS.getOrDefault(wanted.getViolatedPermissionName(), wanted.getViolatedPermissionName())
                + "权限，请联系系统管理员";
    }
}
