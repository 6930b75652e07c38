package dev.keel.command.account;

import java.util.List;

/**
 * What a policy decided: the events the aggregate is to apply, in order, and the outcome its command
 * handler answers. Policies decide only; the aggregate applies and stores, so a policy is a plain
 * function of the state it is shown.
 */
record Decision<O>(List<Object> events, O outcome) {

    Decision {
        events = List.copyOf(events);
    }
}
