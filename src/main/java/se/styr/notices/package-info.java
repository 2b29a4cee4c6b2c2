/**
 * Notices: nobody has to remember to look. When a follow-up task opens, nears or passes its deadline, is marked
 * done, sent back or approved, the people who are to act are told on their start page and by e-mail (at once or in
 * a daily digest). Reacts to the follow-up's {@code TaskEvents} through an outbox; see docs/notices.md.
 */
package se.styr.notices;
