package dev.kanal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.KanalException;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.Connections;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out of the web page ({@code POST /ui/login}, {@code POST /ui/logout},
 * {@code GET /ui/api/session}), and the gate in front of every {@code /ui/api/*} route: a valid
 * session cookie or the API key as {@code X-Api-Key}.
 */
public final class UiAuthApi implements ApiGroup {
    private static final Logger log = LoggerFactory.getLogger(UiAuthApi.class);

    private final UiSessions sessions;
    private final ObjectMapper json;
    private final String username;
    private final Access access;

    public UiAuthApi(UiSessions sessions, ObjectMapper json, String username, Access access) {
        this.access = access;
        this.sessions = sessions;
        this.json = json;
        this.username = username;
    }

    record Session(boolean logged_in, String username) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/ui/api/*", this::requireSession);
        routes.post("/ui/login", this::login);
        routes.post("/ui/logout", this::logout);
        routes.get("/ui/api/session", ctx -> ctx.json(new Session(true, username)));
    }

    private void requireSession(Context ctx) {
        if (!sessions.isValid(ctx) && !sessions.hasApiKey(ctx)) {
            if (ctx.header("X-Api-Key") != null) {
                access.connections().failed(Connections.Surface.API_KEY, Connections.Reason.WRONG_API_KEY,
                        access.clients().of(ctx), ctx.header("User-Agent"));
            }
            throw new KanalException.Unauthorized("not logged in: log in on Kanal's page, or send the API key as"
                    + " the X-Api-Key header");
        }
    }

    private void login(Context ctx) {
        if (sessions.isValid(ctx)) {
            ctx.json(new Session(true, username)); // already logged in: the session stays, no new id
            return;
        }
        String client = access.clients().of(ctx);
        String agent = ctx.header("User-Agent");
        UiSessions.Credentials credentials = parse(ctx);
        UiSessions.Outcome outcome = sessions.login(client, credentials);
        switch (outcome.result()) {
            case OK -> {
                sessions.attach(ctx, outcome.sessionId());
                log.info("web page login client={} by={}", client, credentials.apikey() == null ? "password" : "apikey");
                ctx.json(new Session(true, username));
            }
            case WRONG -> {
                access.connections().failed(Connections.Surface.PAGE_LOGIN, Connections.Reason.WRONG_PASSWORD, client,
                        agent);
                throw new KanalException.Unauthorized("wrong user name, password or API key");
            }
            case LOCKED -> {
                access.connections().failed(Connections.Surface.PAGE_LOGIN, Connections.Reason.THROTTLED, client,
                        agent);
                long seconds = Math.max(1, (outcome.retryAfter().toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new KanalException.Forbidden("too many failed logins from this address; try again in "
                        + seconds + (seconds == 1 ? " second" : " seconds"));
            }
        }
    }

    private UiSessions.Credentials parse(Context ctx) {
        String ct = ctx.contentType() == null ? "" : ctx.contentType();
        if (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data")) {
            return new UiSessions.Credentials(ctx.formParam("username"), ctx.formParam("password"),
                    ctx.formParam("apikey"));
        }
        try {
            UiSessions.Credentials c = json.readValue(ctx.body(), UiSessions.Credentials.class);
            if (c == null) throw new KanalException.BadRequest("send username and password, or apikey");
            return c;
        } catch (JsonProcessingException e) {
            throw new KanalException.BadRequest("the login body must be JSON: {\"username\":…,\"password\":…}"
                    + " or {\"apikey\":…}");
        }
    }

    private void logout(Context ctx) {
        sessions.logout(ctx);
        ctx.json(new Session(false, null));
    }
}
