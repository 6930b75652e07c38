package dev.keel.projection.push;

import java.util.List;

/** Sends pushes; the real adapter is FCM through the Firebase Admin SDK. */
interface PushSender {

    /** FCM takes at most this many messages in one {@code sendEach}. */
    int MAX_BATCH = 500;

    /** @return one outcome per message, in the same order */
    List<PushOutcome> send(List<PushMessage> messages);
}
