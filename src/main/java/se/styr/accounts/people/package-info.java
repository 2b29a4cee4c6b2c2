/**
 * People administration: people, their roles with scope, passwords, and the mapping of OIDC claims to roles. Other
 * modules (the Excel import of people) use {@link se.styr.accounts.people.People}, so its rights and audit apply.
 */
@org.springframework.modulith.NamedInterface("people")
package se.styr.accounts.people;
