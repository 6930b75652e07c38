package dev.keel.app.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnNodeRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        NodeRole role = (NodeRole) metadata.getAnnotationAttributes(ConditionalOnNodeRole.class.getName()).get("value");
        String roles = context.getEnvironment().getProperty(NodeRole.PROPERTY, NodeRole.ALL);
        return NodeRole.parse(roles).contains(role);
    }
}
