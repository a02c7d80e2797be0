package org.tocsin.organizations;

import java.time.Instant;
import org.tocsin.organizations.internal.MembershipDocument;

/** A member as the organization's members see them: a display name and a role, never an email. */
record MemberView(String userId, String displayName, Role role, Instant since) {

    static MemberView of(MembershipDocument membership, String displayName) {
        return new MemberView(membership.userId(), displayName, membership.role(), membership.since());
    }
}
