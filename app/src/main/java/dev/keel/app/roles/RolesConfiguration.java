package dev.keel.app.roles;

import dev.keel.command.CommandSideConfiguration;
import dev.keel.projection.ProjectionsConfiguration;
import dev.keel.query.QuerySideConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Each module has one entry configuration; a node imports those of its roles. Aggregates, event
 * handlers and query handlers only exist on a node once their module is imported, so Axon routes
 * nothing to a node that lacks the role.
 */
@Configuration(proxyBeanMethods = false)
class RolesConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.COMMAND)
    @Import(CommandSideConfiguration.class)
    static class Command {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.PROJECTIONS)
    @Import(ProjectionsConfiguration.class)
    static class Projections {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.QUERY)
    @Import(QuerySideConfiguration.class)
    static class Query {
    }
}
