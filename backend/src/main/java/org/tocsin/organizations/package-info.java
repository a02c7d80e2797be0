/**
 * Organizations and who is in them: memberships and roles (OWNER > ADMIN > ORGANIZER > MEMBER), written
 * only by {@code Memberships}, joined only through invitation links; {@code OrganizationAccess} answers
 * "may this person do this here" for every other feature.
 */
package org.tocsin.organizations;
