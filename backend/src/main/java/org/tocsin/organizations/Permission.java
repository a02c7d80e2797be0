package org.tocsin.organizations;

/**
 * What a member may do in an organization, and the weakest role that may do it. The one table
 * every feature consults (through {@link OrganizationAccess}), so the rules cannot drift apart.
 */
public enum Permission {
    /** See the member list and members-only (PRIVATE) events and feeds. */
    VIEW_MEMBERS_ONLY(Role.MEMBER),
    /** Create, edit, cancel and reschedule the organization's events; see and manage their RSVPs. */
    MANAGE_EVENTS(Role.ORGANIZER),
    /** Delete events outright. */
    DELETE_EVENTS(Role.ADMIN),
    /** Edit the organization's name and description. */
    EDIT_ORGANIZATION(Role.ADMIN),
    /** Invite, promote, demote and remove members (never above one's own role); nobody joins without accepting. */
    MANAGE_MEMBERS(Role.ADMIN),
    /** Delete the organization, with everything it holds. */
    DELETE_ORGANIZATION(Role.OWNER),
    /** Read the organization's audit log, and its campaigns'. */
    READ_AUDIT_LOG(Role.ADMIN);

    private final Role minimum;

    Permission(Role minimum) {
        this.minimum = minimum;
    }

    public Role minimum() {
        return minimum;
    }

    public boolean grantedTo(Role role) {
        return role != null && role.atLeast(minimum);
    }
}
