/**
 * The internal-control plan derived from the risk register (its points refer to their risks; a point may be deferred
 * to a later year), the municipality's joint view of every body's results, the risk analysis and the plan as documents
 * (HTML and PDF, frozen when decided) and the register carried into the next year for reassessment.
 */
package se.styr.quality.ikplan;
