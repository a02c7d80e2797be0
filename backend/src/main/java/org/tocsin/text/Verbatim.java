package org.tocsin.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field read byte for byte, without {@link UserText}'s rules: passwords. Normalising one
 * (NFC, dropping a character) would make the password typed at login differ from the one stored,
 * or quietly weaken it; a password is never displayed, so nothing in it can spoof or break a feed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Verbatim {}
