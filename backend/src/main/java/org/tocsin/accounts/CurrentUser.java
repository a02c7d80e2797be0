package org.tocsin.accounts;

/**
 * The signed-in caller, as every feature sees it ({@code @AuthenticationPrincipal CurrentUser}).
 *
 * @param admin a platform admin, named by {@code tocsin.admins}
 */
public record CurrentUser(String id, String email, String displayName, boolean admin) {}
