package dev.keel.api.push;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One page of the inbox, newest first.
 *
 * @param nextCursor pass it as the next query's cursor; {@code null} on the last page
 */
public record NotificationPage(List<NotificationView> items, @Nullable String nextCursor) {

    public NotificationPage {
        items = List.copyOf(items);
    }
}
