package org.tocsin.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requireVerifiedEmail whether an account must have opened the link mailed to its address before it
 *     may create an organization or hold ORGANIZER or a higher role ({@code
 *     tocsin.accounts.require-verified-email}, on by default). Off only for rigs whose accounts are not
 *     people's (test contexts whose subject is something else; verification has its own tests with it on).
 */
@ConfigurationProperties("tocsin.accounts")
record VerificationProperties(Boolean requireVerifiedEmail) {

    VerificationProperties {
        requireVerifiedEmail = requireVerifiedEmail == null || requireVerifiedEmail;
    }
}
