package dev.keel.query.analytics;

import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysts' dashboard: a static page and its script, public because they hold no data. The page
 * signs in and reads the analytics endpoints with the token like any client; Chart.js comes from its
 * WebJar under {@code /webjars/}. Not an API operation, so not in the OpenAPI document.
 */
@RestController
@Hidden
class DashboardPage {

    private static final Resource PAGE = new ClassPathResource("dashboard/index.html");
    private static final Resource SCRIPT = new ClassPathResource("dashboard/dashboard.js");

    @Public
    @GetMapping(value = "/dashboard", produces = "text/html;charset=UTF-8")
    Resource page() {
        return PAGE;
    }

    @Public
    @GetMapping(value = "/dashboard/dashboard.js", produces = "text/javascript;charset=UTF-8")
    Resource script() {
        return SCRIPT;
    }
}
