package org.jiuzhu;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("jiuzhu")
public class JiuzhuApplication {
    public static void main(String[] args) {
        SpringApplication.run(JiuzhuApplication.class, args);
    }
}
