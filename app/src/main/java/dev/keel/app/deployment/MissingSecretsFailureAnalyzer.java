package dev.keel.app.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as what is wrong and what to do, not as a stack trace. */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecrets> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecrets cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
