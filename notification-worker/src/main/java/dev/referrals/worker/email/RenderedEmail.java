package dev.referrals.worker.email;

/**
 * The user-visible content of one email.
 *
 * @param subject one line, the header's value before MIME encoding
 * @param html    the HTML part, user text escaped
 * @param text    the plain-text part
 */
public record RenderedEmail(String subject, String html, String text) {
}
