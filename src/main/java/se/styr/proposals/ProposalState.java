package se.styr.proposals;

/** A draft is seen only by its party group; a published version is public and never changes. */
enum ProposalState { UTKAST, PUBLICERAD }
