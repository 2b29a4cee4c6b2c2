package se.styr;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements a thread prepares, and notices a thread that takes a second connection while it still holds
 * one (the pattern that deadlocks the pool under load). Every test context gets it, since it is a component in the
 * test sources; it only counts and never changes what the application does.
 * <p>
 * Use: {@code QueryCounter.reset(); mockMvc.perform(...); assertThat(QueryCounter.statements()).isLessThan(20);}
 * MockMvc runs the request on the test's own thread, so the count is the request's.
 */
@Component
public class QueryCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<int[]> STATEMENTS = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final List<Throwable> NESTED = new CopyOnWriteArrayList<>();

    /** Starts counting the current thread's statements from zero. */
    /**
     * The statements each page takes: {@code pages} maps a name to "username /path"; each page is asked once as that
     * person and must answer 200. {@code before} runs before each page is counted (e.g. to empty a cache).
     */
    public static java.util.Map<String, Integer> perPage(org.springframework.test.web.servlet.MockMvc mvc,
            org.springframework.security.core.userdetails.UserDetailsService users, java.util.Map<String, String> pages,
            java.util.function.Consumer<String> before) throws Exception {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, String> page : pages.entrySet()) {
            String[] who = page.getValue().split(" ", 2);
            var person = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user(users.loadUserByUsername(who[0]));
            before.accept(page.getKey());
            reset();
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(who[1]).with(person))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
            counts.put(page.getKey(), statements());
        }
        return counts;
    }

    public static void reset() {
        STATEMENTS.get()[0] = 0;
    }

    /** The statements the current thread prepared since {@link #reset()}. */
    public static int statements() {
        return STATEMENTS.get()[0];
    }

    /** Where a thread took a second connection while holding one, since the start of the run (or {@link #clearNested()}). */
    public static List<Throwable> nestedConnections() {
        return List.copyOf(NESTED);
    }

    public static void clearNested() {
        NESTED.clear();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    new DataSourceHandler(ds));
        }
        return bean;
    }

    private record DataSourceHandler(DataSource target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return true;
            }
            Object result = call(target, method, args);
            if (result instanceof Connection c) {
                if (HELD.get()[0] > 0 && !savingTheSession()) {
                    NESTED.add(new IllegalStateException("En andra anslutning togs medan tråden " + Thread.currentThread().getName()
                            + " redan höll en, i " + styrFrames()));
                }
                HELD.get()[0]++;
                return Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                        new ConnectionHandler(c));
            }
            return result;
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection target;
        private boolean closed;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (STATEMENT_METHODS.contains(name)) {
                STATEMENTS.get()[0]++;
            } else if (name.equals("close") && !closed) {
                closed = true;
                HELD.get()[0] = Math.max(0, HELD.get()[0] - 1);
            } else if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            return call(target, method, args);
        }
    }

    /**
     * Spring Session stores the session in a transaction of its own at the very end of a request, when the request's
     * own connections are back in the pool; only a test that holds a transaction around MockMvc sees it as a second one.
     */
    private static boolean savingTheSession() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("org.springframework.session.")));
    }

    /** Where in Styr's own code the connection was asked for, so a failing assertion says it without the stack. */
    private static String styrFrames() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("se.styr.") && !f.getClassName().startsWith(QueryCounter.class.getName()))
                .limit(6).map(f -> f.getClassName().substring("se.styr.".length()) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .toList()).toString();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
