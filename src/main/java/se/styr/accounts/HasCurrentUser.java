package se.styr.accounts;

/** Implemented by every principal Styr puts in the security context, however the person logged in. */
interface HasCurrentUser {

    CurrentUser styrUser();
}
