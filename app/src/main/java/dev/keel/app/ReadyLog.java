package dev.keel.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where to find the API once the node is ready to serve it. */
@Component
class ReadyLog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("""
                Keel is ready (roles: {}) in {} ms
                  API          {}/v1
                  OpenAPI      {}/v3/api-docs
                  Swagger UI   {}/swagger-ui.html
                  Health       {}/actuator/health""",
                event.getApplicationContext().getEnvironment().getProperty("keel.roles"),
                event.getTimeTaken().toMillis(), base, base, base, base);
    }
}
