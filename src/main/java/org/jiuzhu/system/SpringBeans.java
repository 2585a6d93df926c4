package org.jiuzhu.system;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * Our beans for the few classes the Camunda webapps instantiate themselves (Cockpit plugin
 * resources), which Spring cannot inject.
 */
@Component
public class SpringBeans implements ApplicationContextAware {

    private static ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
        context = applicationContext;
    }

    public static <T> T get(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("Application context not started");
        }
        return context.getBean(type);
    }
}
