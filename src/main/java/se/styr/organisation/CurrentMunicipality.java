package se.styr.organisation;

/** The municipality of the person acting; implemented where the login lives, so this module needs no account. */
public interface CurrentMunicipality {

    long id();
}
