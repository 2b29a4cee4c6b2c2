/**
 * Resource allocation (resursfördelning): the model per budget version (price and volume changes, standard costs,
 * targeted allocations) and the frames it computes into the draft budget. Used by proposals.
 */
@org.springframework.modulith.NamedInterface("allocation")
package se.styr.economy.allocation;
