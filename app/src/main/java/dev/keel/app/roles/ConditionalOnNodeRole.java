package dev.keel.app.roles;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Loads the annotated configuration only on nodes whose {@code keel.roles} include the role. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnNodeRoleCondition.class)
public @interface ConditionalOnNodeRole {
    NodeRole value();
}
