package dev.keel.api.privacy;

/** What a person may consent to, each on its own and each withdrawable at any time. */
public enum ConsentPurpose {
    /** Offers and news by email. */
    MARKETING_EMAIL,
    /** Offers and news as push notifications (order updates need no consent: they are the service). */
    MARKETING_PUSH,
    /** Use of their behaviour in the app for aggregate analytics. */
    ANALYTICS,
    /** Recommendations chosen from what they bought and viewed. */
    PERSONALISATION
}
