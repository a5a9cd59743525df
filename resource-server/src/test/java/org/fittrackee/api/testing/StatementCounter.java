package org.fittrackee.api.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, to show that list endpoints make a fixed
 * number of queries whatever the number of rows (no N+1).
 */
@TestConfiguration
public class StatementCounter {

    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    public static void reset() {
        STATEMENTS.set(0);
    }

    public static int count() {
        return STATEMENTS.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource) {
                    return proxy(
                            DataSource.class, dataSource, StatementCounter::countingConnection);
                }
                return bean;
            }
        };
    }

    private static Object countingConnection(String method, Object result) {
        if (result instanceof Connection connection) {
            return proxy(Connection.class, connection, StatementCounter::countStatement);
        }
        return result;
    }

    private static Object countStatement(String method, Object result) {
        if (method.startsWith("prepare") || method.equals("createStatement")) {
            STATEMENTS.incrementAndGet();
        }
        return result;
    }

    private interface ResultWrapper {
        Object wrap(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, ResultWrapper wrapper) {
        InvocationHandler handler =
                (proxy, method, arguments) -> {
                    try {
                        return wrapper.wrap(method.getName(), method.invoke(target, arguments));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
        return type.cast(
                Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
