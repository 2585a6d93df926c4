/**
 * The engine adapter: the only code that reaches into the process engine's internals
 * ({@code org.camunda.bpm.engine.impl}; the rule is {@code EngineAdapterRuleTest}), so that an engine
 * upgrade, or a switch to Operaton, changes one module. Other modules use the engine's public API and, for what it lacks, this package's public classes:
 * {@link org.jiuzhu.engine.CurrentUser} (who the engine acts for), {@link org.jiuzhu.engine.EngineCommands}
 * (work on the engine's own authority), {@link org.jiuzhu.engine.EngineTime},
 * {@link org.jiuzhu.engine.CaseProcesses}, {@link org.jiuzhu.engine.EngineRequests} and
 * {@link org.jiuzhu.engine.MigrationChecks}. Features plug into the engine through the interfaces of this
 * package, implemented as Spring beans; this package depends on no other module.
 *
 * <h2>What runs beside every model</h2>
 * None of this is in the BPMN files: the engine plugins add it to every process on every deployment,
 * whoever deploys it (the process application, or an administrator from the Modeler).
 * <ul>
 *   <li>{@link org.jiuzhu.engine.ListenersPlugin}, when a process is parsed, marks it a case process unless
 *       its model says {@code jiuzhu.case = false} ({@link org.jiuzhu.engine.CaseProcesses}), and keeps a
 *       process no official may start out of Tasklist's 发起流程
 *       ({@link org.jiuzhu.organisation.StartPermissionsSync}: no {@code jiuzhu.startableBy}).</li>
 *   <li>At the start of every case process, {@link org.jiuzhu.casework.CaseAuthorizationListener} checks
 *       that the case's unit (the starting official's own, when the start names none) is within the
 *       official's jurisdiction, and lets that unit, the units above it and the county's supervisors read
 *       the process instance and its history.</li>
 *   <li>At the end of every case process, however it ends, {@link org.jiuzhu.casework.OpenCases} releases
 *       the case's people, who may apply again.</li>
 *   <li>When any user task of any process is completed or removed,
 *       {@link org.jiuzhu.supervision.OverdueResolution} closes its supervision record, ends its 督办 and
 *       clears the case's overdue mark once no task of the case is late.</li>
 *   <li>When a user task of a case process (not a 督办 task) is completed,
 *       {@link org.jiuzhu.dashboard.TaskCompletionListener} records it for the dashboard's figures.</li>
 *   <li>{@link org.jiuzhu.engine.DeploymentsPlugin}, before every new deployment, runs
 *       {@link org.jiuzhu.modeling.ModelRulesCheck}, which refuses a deployment that breaks the model
 *       rules (400, nothing deployed); after it, {@link org.jiuzhu.organisation.StartPermissionsSync}
 *       grants starting each deployed process to the unit levels its {@code jiuzhu.startableBy} names,
 *       and to no other.</li>
 * </ul>
 * Engine-wide, not per model:
 * <ul>
 *   <li>{@link org.jiuzhu.engine.UnitAuthorizationPlugin}: the engine's authorization checks keep every group
 *       of the user, and check task queries across whole units row by row (supervisors:
 *       {@link org.jiuzhu.organisation.UnitSupervisors}).</li>
 *   <li>{@link org.jiuzhu.engine.IdentityPlugin}: accounts are never locked; password checks pass the login
 *       throttle, passwords the policy, and a user's sessions end when their identity changes
 *       ({@link org.jiuzhu.system.identity.EngineIdentityRules}).</li>
 *   <li>{@link org.jiuzhu.engine.SelectiveHistoryPlugin}: full history, less the task variables derived from
 *       our tables and the decisions our tables record ({@link org.jiuzhu.engine.HistoryProperties}).</li>
 *   <li>{@link org.jiuzhu.engine.UserErrorLogging}: a command that failed on an official's mistake (a refused
 *       form, a conflict with another official) is logged at debug level, not as a server error.</li>
 *   <li>The Spin plugin (from its dependency): JSON variables, which Tasklist's forms submit.</li>
 * </ul>
 */
@ApplicationModule(displayName = "流程引擎适配 Engine")
package org.jiuzhu.engine;

import org.springframework.modulith.ApplicationModule;
