package se.styr;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the web tests share: MockMvc, the database, and a demo user or a row's id in one call. */
public abstract class MvcTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected UserDetailsService users;

    /** A request made as this demo user, as the login form would sign them in. */
    protected RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** The one id a query gives. */
    protected long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
