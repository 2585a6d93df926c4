package org.jiuzhu.dibao;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications entered in the Tasklist start form before their process instance was stored with them
 * get it from the history, once: the case file and the progress page find a case by that instance
 * (never by the number, which any instance can carry). Nothing to do on later starts.
 */
@Component
class ApplicationProcessBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationProcessBackfill.class);

    private final JdbcClient jdbc;
    private final HistoryService historyService;

    ApplicationProcessBackfill(JdbcClient jdbc, HistoryService historyService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> unbound = jdbc.sql("select application_no from dibao_application where process_instance_id is null")
                .query(String.class).list();
        for (String applicationNo : unbound) {
            historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                    .orderByProcessInstanceStartTime().asc().list().stream()
                    .filter(instance -> instance.getSuperProcessInstanceId() == null)
                    .map(HistoricProcessInstance::getId)
                    .findFirst()
                    .ifPresent(id -> {
                        jdbc.sql("update dibao_application set process_instance_id = ? where application_no = ? and process_instance_id is null")
                                .params(id, applicationNo).update();
                        LOG.info("Application {} bound to its process instance {}", applicationNo, id);
                    });
        }
    }
}
